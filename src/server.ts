import restify from 'restify';
import { Logger } from './logging/logger';
import type { MessageEndpoint } from './teams/message-endpoint';
import { MeetingCalendar } from './meetings/meeting-calendar';
import { ICS_CONTENT_TYPE } from './meetings/ics-export';

export interface HealthReport {
  healthy: boolean;
  storage: 'ok' | 'unreachable';
}

export interface ServerDependencies {
  messages: MessageEndpoint;
  calendar: MeetingCalendar;
  health: () => Promise<HealthReport>;
  logger: Logger;
}

/** Largest activity accepted: a Teams message with a full card is far smaller. */
const MAX_BODY_BYTES = 256 * 1024;

/** The HTTP surface: POST /api/messages for Teams and GET /healthz for App Service's health check. */
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

  server.get('/calendar/meetings/:file', async (req, res) => {
    const match = /^([A-Za-z0-9-]{1,64})\.ics$/.exec(String(req.params.file ?? ''));
    const file = match ? await deps.calendar.forMeeting(match[1]!) : undefined;
    if (!file) {
      res.send(404, { error: 'No such meeting' });
      return;
    }
    res.setHeader('content-type', ICS_CONTENT_TYPE);
    res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('cache-control', 'no-cache');
    res.sendRaw(200, file.body);
  });

  server.get('/healthz', async (_req, res) => {
    const report = await deps.health();
    res.send(report.healthy ? 200 : 503, { status: report.healthy ? 'ok' : 'unhealthy', storage: report.storage });
  });

  server.on('restifyError', (req, _res, error: Error & { statusCode?: number }, callback: () => void) => {
    deps.logger.warn({ event: 'http.error', path: req.path(), statusCode: error.statusCode, message: error.message }, 'request refused');
    callback();
  });
  return server;
}
