import { EmulatedConnector, markerCard } from '../../support/emulated-connector';
import { teamsPersonalChatId } from '../../support/teams-ids';

async function post(connector: EmulatedConnector, conversationId: string, marker: string): Promise<Response> {
  return fetch(`${connector.url}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: markerCard(marker) }],
    }),
  });
}

describe('EmulatedConnector (the referee the delivery tests rely on)', () => {
  let connector: EmulatedConnector;
  afterEach(() => connector.stop());

  // The connector's clock stands still in the tests of its limits: the burst is one instant however slow the machine.
  const stopped = () => 1_000_000;

  it('enforces 7 messages per second per conversation with a 429 and Retry-After, as Teams does', async () => {
    connector = new EmulatedConnector({ now: stopped });
    await connector.start();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post(connector, teamsPersonalChatId('one'), `m${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201, 429]);
    const other = await post(connector, teamsPersonalChatId('two'), 'x');
    expect(other.status).toBe(201);
    const throttled = await post(connector, teamsPersonalChatId('one'), 'm9');
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(connector.accepted.map((m) => m.marker)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'x']);
  });

  it('enforces the app rate over every request', async () => {
    connector = new EmulatedConnector({ appRatePerSecond: 5, now: stopped });
    await connector.start();
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(connector, teamsPersonalChatId(`c${i}`), `m${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });

  it('injects faults by rule (with Teams error bodies) and counts duplicates by marker', async () => {
    connector = new EmulatedConnector({
      faults: [
        { match: (r) => r.marker === 'blocked', fault: { kind: 'status', status: 403, code: 'ConversationBlockedByUser' } },
        { match: (r) => r.marker === 'flaky' && r.attempt === 1, fault: { kind: 'status', status: 429, retryAfterSeconds: 3 } },
      ],
    });
    await connector.start();
    const blocked = await post(connector, teamsPersonalChatId('1'), 'blocked');
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toMatchObject({ error: { code: 'ConversationBlockedByUser' } });
    const first = await post(connector, teamsPersonalChatId('2'), 'flaky');
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '3']);
    expect((await post(connector, teamsPersonalChatId('2'), 'flaky')).status).toBe(201);
    expect((await post(connector, teamsPersonalChatId('2'), 'flaky')).status).toBe(201);
    expect(connector.duplicates()).toBe(1);
  });

  it('injects faults by probability, repeatably for a seed', async () => {
    const run = async () => {
      connector = new EmulatedConnector({
        seed: 42,
        conversationWindows: [],
        faults: [{ probability: 0.3, fault: { kind: 'status', status: 503 } }],
      });
      await connector.start();
      const statuses = [];
      for (let i = 0; i < 40; i++) statuses.push((await post(connector, teamsPersonalChatId(`${i}`), `m${i}`)).status);
      await connector.stop();
      return statuses;
    };
    const first = await run();
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(4);
    expect(first.filter((s) => s === 503).length).toBeLessThan(24);
    expect(await run()).toEqual(first);
    connector = new EmulatedConnector();
    await connector.start();
  });

  it('can hold a request without ever answering', async () => {
    connector = new EmulatedConnector({ faults: [{ fault: { kind: 'timeout' } }] });
    await connector.start();
    const outcome = await Promise.race([
      post(connector, teamsPersonalChatId('1'), 'm').then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('no answer'), 300)),
    ]);
    expect(outcome).toBe('no answer');
    expect(connector.accepted).toHaveLength(0);
  });
});
