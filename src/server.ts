import restify from 'restify';
import { Logger } from './logging/logger';
import type { MessageEndpoint } from './teams/message-endpoint';
import { MeetingCalendar } from './meetings/meeting-calendar';
import { ICS_CONTENT_TYPE } from './meetings/ics-export';
import { EventServices } from './events/event-services';
import { MemberDirectory } from './members/member-directory';
import { ChallengeDesk } from './challenges/challenge-desk';
import type { WorkerLiveness } from './composition';
import { PUBLIC_PAGES, PublicPage, PublicPageName } from './pages/public-pages';

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
  calendar: MeetingCalendar;
  events: EventServices;
  members: MemberDirectory;
  challenges: ChallengeDesk;
  health: () => Promise<HealthReport>;
  readiness: () => Promise<ReadinessReport>;
  /** The privacy notice and terms of use the Teams manifest links to. */
  pages: ReadonlyMap<PublicPageName, PublicPage>;
  logger: Logger;
}

function icsName(file: unknown): string | undefined {
  return /^([A-Za-z0-9-]{1,64})\.ics$/.exec(String(file ?? ''))?.[1];
}

/** A file download, or 404 when there is none; no caching, since meetings and replies change. */
function sendFile(res: restify.Response, file: { fileName: string; body: string; inline?: boolean } | undefined, contentType: string): void {
  if (!file) {
    res.send(404, { error: 'Not found' });
    return;
  }
  res.setHeader('content-type', contentType);
  res.setHeader('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  res.setHeader('cache-control', 'no-cache');
  res.sendRaw(200, file.body);
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
    const id = icsName(req.params.file);
    sendFile(res, id ? await deps.calendar.forMeeting(id) : undefined, ICS_CONTENT_TYPE);
  });

  server.get('/events/:file', async (req, res) => {
    const id = icsName(req.params.file);
    sendFile(res, id ? await deps.events.eventIcs(id) : undefined, ICS_CONTENT_TYPE);
  });

  server.get('/events/:eventId/attendees.csv', async (req, res) => {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const file = await deps.events.desk.attendeesCsv(String(req.params.eventId ?? ''), params);
    if (!file) {
      res.send(403, { error: 'This link is not valid, has expired, or is for officers only. Open the event card in Teams again for a fresh link.' });
      return;
    }
    sendFile(res, file, file.contentType);
  });

  server.get('/exports/challenges.csv', async (req, res) => {
    const file = await deps.challenges.reportCsv(new URL(req.url ?? '/', 'http://localhost').searchParams);
    if (!file) {
      res.send(403, { error: 'This link is not valid, has expired, or is for officers only. Ask for the challenge report in Teams again for a fresh link.' });
      return;
    }
    sendFile(res, file, 'text/csv; charset=utf-8');
  });

  // Members' Calendar subscriptions: the token in the path is the only credential (Outlook cannot sign in).
  server.get('/calendar/:file', async (req, res) => {
    const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(String(req.params.file ?? ''))?.[1];
    const scope = token ? await deps.events.tokens.resolve(token) : undefined;
    const active = scope?.kind === 'officers' || (scope?.kind === 'member' && (await deps.members.find(scope.aadObjectId))?.active === true);
    if (!scope || !active) {
      res.send(404, { error: 'No such calendar' });
      return;
    }
    sendFile(res, { fileName: 'members-calendar.ics', body: await deps.events.feed.build(scope), inline: true }, ICS_CONTENT_TYPE);
  });

  for (const name of PUBLIC_PAGES) {
    server.get(`/${name}`, async (_req, res) => {
      const page = deps.pages.get(name);
      if (!page) {
        res.send(404, { error: 'Not found' });
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'public, max-age=3600');
      // Static text: nothing on the page needs scripts, frames or other origins.
      res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
      res.setHeader('x-content-type-options', 'nosniff');
      res.sendRaw(200, page.html);
    });
  }

  // App Service's health check: cheap (one storage round trip), so it can run every minute per instance.
  server.get('/healthz', async (_req, res) => {
    const report = await deps.health();
    res.send(report.healthy ? 200 : 503, { status: report.healthy ? 'ok' : 'unhealthy', storage: report.storage });
  });

  // Readiness for people and probes: storage plus this instance's background workers.
  server.get('/readyz', async (_req, res) => {
    const report = await deps.readiness();
    res.setHeader('cache-control', 'no-store');
    res.send(report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', storage: report.storage, workers: report.workers });
  });

  server.on('restifyError', (req, _res, error: Error & { statusCode?: number }, callback: () => void) => {
    deps.logger.warn({ event: 'http.error', path: req.path(), statusCode: error.statusCode, message: error.message }, 'request refused');
    callback();
  });
  return server;
}
