import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface FixtureServer {
  url: string;
  requests: string[];
  /** Replace the answer for a path + query, e.g. '/mgWebService.asmx/GetMeeting?lMeetingId=9005'. */
  routes: Map<string, Route>;
  close(): Promise<void>;
}

export type Route = { status?: number; file?: string; body?: string; delayMs?: number; contentType?: string };

const MODERNGOV = path.join(__dirname, '../fixtures/moderngov');

/**
 * A loopback HTTP server for recorded responses. ModernGov calls map to the Kent fixtures by
 * default (GetMeetings -> kent-693-GetMeetings.xml, GetMeeting?lMeetingId=N -> kent-693-GetMeeting-N.xml,
 * 404 when there is no file); `routes` overrides any path. Listens on 127.0.0.1 on a free port;
 * close() ends open connections too, so a test never leaves it running.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: string[] = [];
  const routes = new Map<string, Route>();
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const route = routes.get(`${url.pathname}${url.search}`) ?? routes.get(url.pathname) ?? defaultRoute(url);
    const send = () => {
      const body = route.body ?? (route.file ? fs.readFileSync(route.file) : '');
      res.writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'text/xml; charset=utf-8' });
      res.end(body);
    };
    if (route.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) send();
      }, route.delayMs);
      timers.add(timer);
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function defaultRoute(url: URL): Route {
  if (url.pathname === '/mgWebService.asmx/GetMeetings') return { file: path.join(MODERNGOV, 'kent-693-GetMeetings.xml') };
  if (url.pathname === '/mgWebService.asmx/GetMeeting') {
    const file = path.join(MODERNGOV, `kent-693-GetMeeting-${url.searchParams.get('lMeetingId') ?? ''}.xml`);
    if (/^\d+$/.test(url.searchParams.get('lMeetingId') ?? '') && fs.existsSync(file)) return { file };
    return { status: 500, body: '<html><body>Runtime Error</body></html>', contentType: 'text/html' };
  }
  return { status: 404, body: 'not found', contentType: 'text/plain' };
}

export const MODERNGOV_FIXTURES = MODERNGOV;
