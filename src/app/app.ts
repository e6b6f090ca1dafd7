import path from 'node:path';
import { AppConfig } from './config';
import { createLogger, Logger } from '../platform/logging/logger';
import { KnowledgeBase } from '../features/remit/domain/knowledge-base';
import { HealthReport, createHttpServer } from './server';
import { EmbeddedAzurite, startEmbeddedAzurite } from '../platform/storage/embedded-azurite';
import { TableStore } from '../platform/storage/table-store';
import { createMessageEndpoint } from '../platform/teams/message-endpoint';
import { AppServices, Composition, compose } from './composition';
import { PanelBot } from '../platform/teams/panel-bot';
import { Clock, SystemClock } from '../platform/time/clock';
import { projectRoot } from '../platform/process/project-root';
import { freePort } from '../platform/process/free-port';

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  /** Tests drive the scheduler and dispatcher by hand; default true. */
  startWorkers?: boolean;
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
  const { connectionString, embedded } = await resolveStorage(config, logger);
  try {
    const store = new TableStore(connectionString, config.tablePrefix);
    await store.ensureTables();
    // The port is fixed before composing, so links the bot serves can name it when no public URL is set.
    const port = config.port === 0 ? await freePort() : config.port;
    const publicBaseUrl = config.publicBaseUrl ?? `http://127.0.0.1:${port}`;
    const composition = compose({ ...config, port, publicBaseUrl }, store, knowledge, clock, logger);
    const { services, workers } = composition;
    const endpoint = createMessageEndpoint(config.credentials, new PanelBot(composition.platform), logger);
    const downloads = composition.features.flatMap((feature) => feature.downloads ?? []);
    const server = createHttpServer({ messages: endpoint, health: () => checkHealth(store), downloads, logger });
    await new Promise<void>((resolve) => server.listen(port, config.host, resolve));
    if (overrides.startWorkers !== false) workers.start();
    logger.info({ event: 'app.started', port, host: config.host, authentication: config.credentials ? 'on' : 'off', storage: embedded ? 'embedded-azurite' : 'configured' }, 'bot listening');
    return {
      url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
      port,
      services,
      composition,
      stop: async () => {
        await closeServer(server);
        await workers.stop();
        await embedded?.stop();
        logger.info({ event: 'app.stopped' }, 'bot stopped');
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

async function resolveStorage(config: AppConfig, logger: Logger): Promise<{ connectionString: string; embedded?: EmbeddedAzurite }> {
  if (config.storageConnectionString) return { connectionString: config.storageConnectionString };
  const location = path.resolve(projectRoot(), config.dataDir, 'azurite');
  const embedded = await startEmbeddedAzurite({ location });
  logger.info({ event: 'storage.embedded', port: embedded.port, location }, 'started embedded Azurite (local development only)');
  return { connectionString: embedded.connectionString, embedded };
}

async function checkHealth(store: TableStore): Promise<HealthReport> {
  try {
    await Promise.race([store.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), HEALTH_TIMEOUT_MS).unref())]);
    return { healthy: true, storage: 'ok' };
  } catch {
    return { healthy: false, storage: 'unreachable' };
  }
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
