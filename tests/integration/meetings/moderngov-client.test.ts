import path from 'node:path';
import { silentLogger } from '../../../src/platform/logging/logger';
import { ModernGovClient, ModernGovSource } from '../../../src/features/meetings/data/moderngov-client';
import { SourceUnavailableError } from '../../../src/features/meetings/domain/source-snapshot';
import { ManualClock } from '../../../src/platform/time/clock';
import { type FixtureServer, MODERNGOV_FIXTURES, startFixtureServer } from '../../support/fixture-server';

let server: FixtureServer;

beforeEach(async () => {
  server = await startFixtureServer();
});

afterEach(async () => {
  await server.close();
});

// Patient enough for a loaded machine; the timeout tests use a short one against a server that waits far longer.
function source(timeoutMs = 15_000) {
  const client = new ModernGovClient({ url: `${server.url}/mgWebService.asmx`, timeoutMs });
  return new ModernGovSource(client, new ManualClock('2026-01-05T09:00:00Z'), silentLogger(), {
    committeeId: '693',
    committeeName: 'Corporate Parenting Panel',
  });
}

describe('ModernGov client against a local server serving recorded XML', () => {
  it('asks GetMeetings with dd/mm/yyyy dates for the window, then GetMeeting for each listed meeting', async () => {
    const snapshot = await source().fetchSnapshot();
    expect(server.requests[0]).toBe('/mgWebService.asmx/GetMeetings?lCommitteeId=693&sFromDate=05%2F10%2F2025&sToDate=05%2F01%2F2027');
    expect(server.requests.slice(1)).toEqual(
      ['9000', '9001', '9002', '9003', '9004', '9005', '9006', '9007', '9008'].map(
        (id) => `/mgWebService.asmx/GetMeeting?lMeetingId=${id}`,
      ),
    );
    expect(snapshot.source).toBe('moderngov');
    expect(snapshot.window).toEqual({ fromUtc: '2025-10-04T23:00:00.000Z', toUtc: '2027-01-06T00:00:00.000Z' });
  });

  it('returns the good meetings and skips the bad ones with reasons, never failing the whole sync', async () => {
    const snapshot = await source().fetchSnapshot();
    expect(snapshot.meetings.map((m) => [m.sourceId, m.status])).toEqual([
      ['9000', 'scheduled'],
      ['9001', 'scheduled'],
      ['9002', 'moved'],
      ['9003', 'cancelled'],
      ['9004', 'scheduled'],
      ['9008', 'scheduled'],
    ]);
    expect(snapshot.meetings[1]).toMatchObject({
      venue: 'Darent Room, Sessions House, County Hall, Maidstone',
      sourceUrl: `${server.url}/ieListDocuments.aspx?CId=693&MId=9001`,
    });
    expect(snapshot.skipped).toEqual([
      { reason: expect.stringContaining('"TBC"') },
      { sourceId: '9005', reason: 'meeting 9005: moderngov GetMeeting unavailable: HTTP 500' },
      { sourceId: '9006', reason: 'meeting 9006: unreadable date "31/02/2026"' },
      { sourceId: '9007', reason: 'meeting 9007: unreadable time "25.00 pm"' },
    ]);
  });

  it('a 500 from GetMeetings fails the snapshot with SourceUnavailableError', async () => {
    server.routes.set('/mgWebService.asmx/GetMeetings', { status: 500, body: 'oops' });
    await expect(source().fetchSnapshot()).rejects.toEqual(new SourceUnavailableError('moderngov GetMeetings', 'HTTP 500'));
  });

  it('a GetMeetings that does not answer in time fails with a timeout, and the server is not left waiting', async () => {
    // The server would answer after ten minutes: only the client's own timeout can end the call within the test.
    server.routes.set('/mgWebService.asmx/GetMeetings', {
      delayMs: 600_000,
      file: path.join(MODERNGOV_FIXTURES, 'kent-693-GetMeetings.xml'),
    });
    await expect(source(300).fetchSnapshot()).rejects.toThrow('moderngov GetMeetings unavailable: no answer within 300 ms');
  });

  it('a slow GetMeeting skips only that meeting', async () => {
    server.routes.set('/mgWebService.asmx/GetMeeting?lMeetingId=9004', {
      delayMs: 600_000,
      file: path.join(MODERNGOV_FIXTURES, 'kent-693-GetMeeting-9004.xml'),
    });
    const snapshot = await source(300).fetchSnapshot();
    expect(snapshot.meetings.map((m) => m.sourceId)).not.toContain('9004');
    expect(snapshot.skipped).toContainEqual({
      sourceId: '9004',
      reason: 'meeting 9004: moderngov GetMeeting unavailable: no answer within 300 ms',
    });
  });

  it('an HTML error page with status 200 is refused as unreadable', async () => {
    server.routes.set('/mgWebService.asmx/GetMeetings', {
      body: '<html><body>Service unavailable</body></html>',
      contentType: 'text/html',
    });
    await expect(source().fetchSnapshot()).rejects.toThrow(/not a GetMeetings response/);
  });

  it('a response over the size limit is refused', async () => {
    server.routes.set('/mgWebService.asmx/GetMeetings', { body: 'x'.repeat(20_000) });
    const client = new ModernGovClient({ url: server.url, maxBytes: 10_000 });
    await expect(client.getMeetings(693, '2026-01-01', '2026-12-31')).rejects.toThrow(/over the 10000 byte limit/);
  });

  it('a server that is not there fails cleanly', async () => {
    const url = server.url;
    await server.close();
    const client = new ModernGovClient({ url, timeoutMs: 1000 });
    await expect(client.getMeetings(693, '2026-01-01', '2026-12-31')).rejects.toBeInstanceOf(SourceUnavailableError);
    server = await startFixtureServer();
  });
});
