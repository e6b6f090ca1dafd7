import restify from 'restify';
import type { Logger } from '../platform/logging/logger';
import type { MessageEndpoint } from '../platform/teams/message-endpoint';
import type { Download, DownloadResult } from '../shared/feature';
import type { WorkerLiveness } from './composition';
import { PUBLIC_PAGES, type PublicPage, type PublicPageName } from './pages/public-pages';

export interface HealthReport {
  healthy: boolean;
  storage: 'ok' | 'unreachable';
}

/** GET /readyz: storage, and each background worker of this instance (see Workers.liveness). */
export interface ReadinessReport {
  ready: boolean;
  storage: HealthReport['storage'];
  workers: WorkerLiveness;
}

export interface ServerDependencies {
  messages: MessageEndpoint;
  readiness: () => Promise<ReadinessReport>;
  /** The privacy notice (the latest version officers saved) and terms of use the Teams manifest links to. */
  page(name: PublicPageName): Promise<PublicPage | undefined>;
  /** Every file the features serve (calendar files, officer exports). */
  downloads: readonly Download[];
  health: () => Promise<HealthReport>;
  logger: Logger;
}

/** A file download, or the refusal; no caching, since meetings and replies change. */
function sendDownload(res: restify.Response, result: DownloadResult): void {
  if (result.kind === 'refused') {
    res.send(result.status, { error: result.message });
    return;
  }
  res.setHeader('content-type', result.contentType);
  res.setHeader(
    'content-disposition',
    `${result.inline ? 'inline' : 'attachment'}; filename="${result.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  );
  res.setHeader('cache-control', 'no-cache');
  res.sendRaw(200, result.body);
}

const FIXED_ERROR_TEXTS: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  413: 'Request too large',
  415: 'Unsupported media type',
};

/** The whole body of an HTTP refusal: a fixed phrase per status, never an exception's message. */
function fixedErrorText(status: number | undefined): string {
  if (status !== undefined && status < 500) return FIXED_ERROR_TEXTS[status] ?? 'Request refused';
  return 'Internal error';
}

/** Largest activity accepted: a Teams message with a full card is far smaller. */
const MAX_BODY_BYTES = 256 * 1024;

/** The HTTP surface: POST /api/messages for Teams, the features' downloads, and GET /healthz for App Service's health check. */
export function createHttpServer(deps: ServerDependencies): restify.Server {
  const server = restify.createServer({ name: 'corporate-parenting-panel-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false, keepExtensions: false }));

  server.post('/api/messages', async (req, res) => {
    try {
      const result = await deps.messages({ method: req.method ?? 'POST', headers: req.headers, body: req.body as unknown });
      if (result.body === undefined) res.send(result.status);
      else res.send(result.status, result.body);
    } catch (error) {
      deps.logger.error({ event: 'messages.crashed', err: error }, 'message endpoint crashed');
      res.send(500, { error: 'Internal error' });
    }
  });

  for (const download of deps.downloads) {
    server.get(download.path, async (req, res) => {
      try {
        const params = Object.fromEntries(
          Object.entries((req.params ?? {}) as Record<string, unknown>).map(([key, value]) => [key, String(value ?? '')]),
        );
        sendDownload(res, await download.serve({ params, query: new URL(req.url ?? '/', 'http://localhost').searchParams }));
      } catch (error) {
        deps.logger.error({ event: 'download.failed', path: download.path, err: error }, 'download failed');
        res.send(500, { error: 'Internal error' });
      }
    });
  }

  for (const name of PUBLIC_PAGES) {
    server.get(`/${name}`, async (_req, res) => {
      let page: PublicPage | undefined;
      try {
        page = await deps.page(name);
      } catch (error) {
        deps.logger.error({ event: 'page.failed', page: name, err: error }, 'page could not be read');
        res.send(500, { error: 'Internal error' });
        return;
      }
      if (!page) {
        res.send(404, { error: 'Not found' });
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      // Revalidated on every visit: an officer's edit of the privacy notice shows at once.
      res.setHeader('cache-control', 'no-cache');
      // Static text: nothing on the page needs scripts, frames or other origins.
      res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
      res.setHeader('x-content-type-options', 'nosniff');
      res.sendRaw(200, page.html);
    });
  }

  // Readiness for people and probes: storage plus this instance's background workers.
  server.get('/readyz', async (_req, res) => {
    const report = await deps.readiness();
    res.setHeader('cache-control', 'no-store');
    res.send(report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', storage: report.storage, workers: report.workers });
  });

  // App Service's health check: cheap (one storage round trip), so it can run every minute per instance.
  server.get('/healthz', async (_req, res) => {
    const report = await deps.health();
    res.send(report.healthy ? 200 : 503, { status: report.healthy ? 'ok' : 'unhealthy', storage: report.storage });
  });

  // restify's own refusals (bad JSON, body too large, no route) would quote the parser's message: answer a fixed text.
  server.on('restifyError', (req, _res, error: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    deps.logger.warn({ event: 'http.error', path: req.path(), statusCode: error.statusCode }, 'request refused');
    const body = { error: fixedErrorText(error.statusCode) };
    error.toJSON = () => body;
    callback();
  });
  return server;
}
