import path from 'node:path';
import type { AppConfig } from './config';
import { createLogger, type Logger } from '../platform/logging/logger';
import { RoleDirectory } from '../features/members';
import { KnowledgeBase } from '../features/remit/domain/knowledge-base';
import { createHttpServer, type HealthReport, type ReadinessReport } from './server';
import { type EmbeddedAzurite, startEmbeddedAzurite } from '../platform/storage/embedded-azurite';
import { type StorageConnection, TableStore } from '../platform/storage/table-store';
import { createMessageEndpoint } from '../platform/teams/message-endpoint';
import { type AppServices, compose, type Composition, type Workers } from './composition';
import { PanelBot } from '../platform/teams/panel-bot';
import { type Clock, SystemClock } from '../platform/time/clock';
import { projectRoot } from '../platform/process/project-root';
import { freePort } from '../platform/process/free-port';
import { storageCredential } from '../platform/storage/storage-credential';
import { type SampleData, startSampleData } from '../local/sample-data';
import type { Metrics } from '../platform/telemetry/metrics';
import { loadPublicPages, renderPage } from './pages/public-pages';

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  /** Tests drive the scheduler and dispatcher by hand; default true. */
  startWorkers?: boolean;
  /** Where business metrics go (Application Insights when configured); default nowhere. */
  metrics?: Metrics;
}

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly services: AppServices;
  /** The wired parts behind the services, for tests and benchmarks that drive them directly. */
  readonly composition: Composition;
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 2000;

/**
 * The composition root: config -> storage -> services -> Teams endpoint -> HTTP server.
 * Knowledge is loaded (and validated) before the port opens, so a broken entry stops the start.
 */
export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? new SystemClock();
  const knowledge = KnowledgeBase.loadFromDirectory();
  const pages = loadPublicPages();
  const { connection, embedded } = await resolveStorage(config, logger);
  let sample: SampleData | undefined;
  try {
    const store = new TableStore(connection, config.tablePrefix);
    await store.ensureTables();
    // The port is fixed before composing, so links the bot serves can name it when no public URL is set.
    const port = config.port === 0 ? await freePort() : config.port;
    const publicBaseUrl = config.publicBaseUrl ?? `http://127.0.0.1:${port}`;
    sample = config.sampleData ? await startSampleData(clock) : undefined;
    const meetings = sample ? { ...config.meetings, moderngov: sample.moderngov } : config.meetings;
    const composition = compose({ ...config, meetings, port, publicBaseUrl }, store, knowledge, clock, logger, overrides.metrics);
    const { services, workers } = composition;
    if (sample) await announceSample(sample, services, new RoleDirectory(store.client('roles'), clock), logger);
    const endpoint = createMessageEndpoint(config.credentials, new PanelBot(composition.platform), logger);
    const downloads = composition.features.flatMap((feature) => feature.downloads ?? []);
    const server = createHttpServer({
      messages: endpoint,
      health: () => checkHealth(store),
      readiness: () => checkReadiness(store, workers),
      // The privacy notice is read per request (one point query), so every instance serves the latest version.
      page: async (name) => (name === 'privacy' ? renderPage(await services.privacy.notice.markdown()) : pages.get(name)),
      downloads,
      logger,
    });
    await new Promise<void>((resolve) => server.listen(port, config.host, resolve));
    if (overrides.startWorkers !== false) workers.start();
    logger.info(
      {
        event: 'app.started',
        port,
        host: config.host,
        authentication: config.credentials ? 'on' : 'off',
        storage: embedded ? 'embedded-azurite' : 'configured',
      },
      'bot listening',
    );
    return {
      url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
      port,
      services,
      composition,
      stop: async () => {
        await closeServer(server);
        await workers.stop();
        await sample?.stop();
        await embedded?.stop();
        logger.info({ event: 'app.stopped' }, 'bot stopped');
      },
    };
  } catch (error) {
    await sample?.stop();
    await embedded?.stop();
    throw error;
  }
}

async function announceSample(sample: SampleData, services: AppServices, roles: RoleDirectory, logger: Logger): Promise<void> {
  const event = await sample.seedEvent(services.events.repository);
  const seededRoles = await sample.seedRoles(roles);
  logger.info(
    {
      event: 'sample.started',
      moderngov: sample.moderngov.baseUrl,
      sampleEvent: event.title,
      sampleEventStart: event.startUtc,
      sampleRoles: seededRoles,
    },
    'serving SAMPLE meetings (a recorded Kent ModernGov response, re-dated) and a sample event; set MODERNGOV_URL and MODERNGOV_COMMITTEE_ID for the real panel',
  );
}

async function resolveStorage(config: AppConfig, logger: Logger): Promise<{ connection: StorageConnection; embedded?: EmbeddedAzurite }> {
  if (config.storageConnectionString) return { connection: config.storageConnectionString };
  if (config.storageAccount) {
    return {
      connection: { accountUrl: config.storageAccount.url, credential: storageCredential(config.storageAccount.managedIdentityClientId) },
    };
  }
  const location = path.resolve(projectRoot(), config.dataDir, 'azurite');
  const embedded = await startEmbeddedAzurite({ location });
  logger.info({ event: 'storage.embedded', port: embedded.port, location }, 'started embedded Azurite (local development only)');
  return { connection: embedded.connectionString, embedded };
}

async function checkHealth(store: TableStore): Promise<HealthReport> {
  try {
    await Promise.race([
      store.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), HEALTH_TIMEOUT_MS).unref()),
    ]);
    return { healthy: true, storage: 'ok' };
  } catch {
    return { healthy: false, storage: 'unreachable' };
  }
}

/** Ready to take traffic: storage answers and every background worker of this instance is alive. */
async function checkReadiness(store: TableStore, workers: Workers): Promise<ReadinessReport> {
  const { storage } = await checkHealth(store);
  const liveness = workers.liveness();
  const workersOk = Object.values(liveness).every((state) => state === 'running' || state === 'not configured');
  return { ready: storage === 'ok' && workersOk, storage, workers: liveness };
}

/**
 * Stops accepting connections and waits for requests in flight, so no turn is cut off mid-write.
 * Keep-alive connections become idle as their last response goes out, so they are swept until done.
 */
function closeServer(server: ReturnType<typeof createHttpServer>): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.server.closeIdleConnections();
  });
}
