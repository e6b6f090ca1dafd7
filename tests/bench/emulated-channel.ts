import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands in for the Teams connector (the bot's serviceUrl): accepts the bot's replies and
 * resolves whoever waits for the reply to a given activity id, timing the whole round trip.
 */
export class EmulatedChannel {
  private readonly waiters = new Map<string, (body: unknown) => void>();
  private server?: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const replyTo = /\/activities\/([^/?]+)$/.exec(req.url ?? '')?.[1];
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${replyTo ?? 'x'}` }));
        const waiter = replyTo ? this.waiters.get(decodeURIComponent(replyTo)) : undefined;
        if (waiter) waiter(JSON.parse(Buffer.concat(chunks).toString() || '{}'));
      });
    });
    this.server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves with the first reply the bot posts to activity `activityId`. */
  replyTo(activityId: string, timeoutMs = 10000): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(activityId);
        reject(new Error(`no reply to ${activityId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(activityId, (body) => {
        clearTimeout(timer);
        this.waiters.delete(activityId);
        resolve(body);
      });
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
