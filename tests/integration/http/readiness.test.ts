import type { RunningApp } from '../../../src/app/app';
import { startTestApp } from '../../support/test-app';

/** GET /readyz: storage and this instance's background workers; GET /healthz stays the cheap storage probe. */
describe('readiness', () => {
  let app: RunningApp;

  afterEach(async () => {
    await app?.stop();
  });

  async function readyz(): Promise<{ status: number; body: { status: string; storage: string; workers: Record<string, string> } }> {
    const response = await fetch(`${app.url}/readyz`);
    return {
      status: response.status,
      body: (await response.json()) as { status: string; storage: string; workers: Record<string, string> },
    };
  }

  it('is ready once the workers run, and says which worker is not when they stop', async () => {
    app = await startTestApp({ MEETINGS_ICAL_URL: 'http://127.0.0.1:9/panel.ics' });
    expect(await readyz()).toEqual({
      status: 200,
      body: { status: 'ready', storage: 'ok', workers: { delivery: 'running', scheduler: 'running', meetingSync: 'running' } },
    });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    await app.composition.workers.stop();
    expect(await readyz()).toEqual({
      status: 503,
      body: { status: 'not ready', storage: 'ok', workers: { delivery: 'stopped', scheduler: 'stopped', meetingSync: 'stopped' } },
    });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('reports the meeting sync as not configured when there is no source, and is not ready before the workers start', async () => {
    app = await startTestApp({}, { startWorkers: false });
    expect(await readyz()).toEqual({
      status: 503,
      body: { status: 'not ready', storage: 'ok', workers: { delivery: 'stopped', scheduler: 'stopped', meetingSync: 'not configured' } },
    });
    app.composition.workers.start();
    expect((await readyz()).body).toEqual({
      status: 'ready',
      storage: 'ok',
      workers: { delivery: 'running', scheduler: 'running', meetingSync: 'not configured' },
    });
  });
});
