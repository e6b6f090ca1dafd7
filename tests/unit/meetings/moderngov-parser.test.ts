import fs from 'node:fs';
import path from 'node:path';
import {
  buildModernGovDraft,
  decodeText,
  parseGetMeeting,
  parseGetMeetings,
  parseModernGovStatus,
  parseModernGovTime,
  parseUkDate,
} from '../../../src/features/meetings/domain/moderngov-parser';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/moderngov', name), 'utf8');
const kent = { siteUrl: 'https://democracy.kent.gov.uk', committeeId: 693, committeeName: 'Corporate Parenting Panel' };

function draftFor(meetingId: string) {
  const listing = parseGetMeetings(fixture('kent-693-GetMeetings.xml'));
  const listed = listing.meetings.find((m) => m.meetingId === meetingId)!;
  return buildModernGovDraft(listed, parseGetMeeting(fixture(`kent-693-GetMeeting-${meetingId}.xml`)), kent, listing.committeeTitle);
}

describe('ModernGov parser on the real Manchester responses', () => {
  it('reads GetMeetings: trimmed ids, dd/mm/yyyy dates, local times, statuses', () => {
    const listing = parseGetMeetings(fixture('manchester-GetMeetings.xml'));
    expect(listing.committeeTitle).toBe('Audit Committee');
    expect(listing.meetings).toEqual([
      { meetingId: '4966', date: '13/01/2026', time: '10.00 am', status: 'Cancelled' },
      { meetingId: '4967', date: '10/02/2026', time: '10.00 am', status: 'Confirmed' },
    ]);
    expect(listing.skipped).toEqual([]);
  });

  it('reads a cancelled GetMeeting with whitespace-only elements and no agenda items', () => {
    const detail = parseGetMeeting(fixture('manchester-GetMeeting-4966-cancelled.xml'));
    expect(detail).toMatchObject({
      meetingId: '4966',
      status: 'Cancelled',
      location: 'Council Antechamber, Level 2, Town Hall Extension',
      agendaPublished: false,
      minutesPublished: false,
      items: [],
      documents: [],
    });
  });

  it('reads agenda items and linked documents of a meeting with minutes', () => {
    const detail = parseGetMeeting(fixture('manchester-GetMeeting-4967-with-minutes.xml'));
    expect(detail.agendaPublished).toBe(true);
    expect(detail.minutesPublished).toBe(true);
    expect(detail.items).toEqual([
      { number: '1.', title: 'Minutes' },
      { number: '9.', title: 'Work Programme' },
    ]);
    expect(detail.documents[0]).toEqual({
      title: '6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025',
      url: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860',
      publishedOn: '2026-02-02',
    });
  });

  it('builds meetings in UTC from London local times (GMT in January)', () => {
    const listing = parseGetMeetings(fixture('manchester-GetMeetings.xml'));
    const site = { siteUrl: 'https://democracy.manchester.gov.uk', committeeId: 144, committeeName: 'Audit Committee' };
    const cancelled = buildModernGovDraft(
      listing.meetings[0]!,
      parseGetMeeting(fixture('manchester-GetMeeting-4966-cancelled.xml')),
      site,
      listing.committeeTitle,
    );
    expect(cancelled).toMatchObject({
      ok: true,
      draft: { sourceId: '4966', status: 'cancelled', startUtc: '2026-01-13T10:00:00.000Z', endUtc: '2026-01-13T14:00:00.000Z' },
    });
    const held = buildModernGovDraft(
      listing.meetings[1]!,
      parseGetMeeting(fixture('manchester-GetMeeting-4967-with-minutes.xml')),
      site,
      listing.committeeTitle,
    );
    expect(held).toMatchObject({
      ok: true,
      draft: {
        status: 'scheduled',
        agenda: { published: true, url: 'https://democracy.manchester.gov.uk/ieListDocuments.aspx?CId=144&MId=4967' },
        minutes: { published: true },
      },
    });
  });
});

describe('ModernGov parser on the Kent fixtures (committee 693)', () => {
  it('skips GetMeetings rows without a numeric id, keeping the rest', () => {
    const listing = parseGetMeetings(fixture('kent-693-GetMeetings.xml'));
    expect(listing.committeeTitle).toBe('Corporate Parenting Panel');
    expect(listing.meetings.map((m) => m.meetingId)).toEqual(['9000', '9001', '9002', '9003', '9004', '9005', '9006', '9007', '9008']);
    expect(listing.skipped).toEqual([{ reason: expect.stringContaining('"TBC"') }]);
  });

  it('a confirmed meeting: venue, times, doubly-encoded titles decoded, exempt papers left out', () => {
    const result = draftFor('9001');
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft).toMatchObject({
      source: 'moderngov',
      sourceId: '9001',
      committee: 'Corporate Parenting Panel',
      startUtc: '2026-01-20T10:00:00.000Z',
      endUtc: '2026-01-20T12:30:00.000Z',
      zone: 'Europe/London',
      allDay: false,
      venue: 'Darent Room, Sessions House, County Hall, Maidstone',
      status: 'scheduled',
      agenda: { published: true, url: 'https://democracy.kent.gov.uk/ieListDocuments.aspx?CId=693&MId=9001' },
    });
    expect(result.draft.agenda.items.map((i) => i.title)).toEqual([
      'Membership',
      "Verbal Update by the Cabinet Member for Integrated Children's Services",
      'Challenge Cards – progress report',
    ]);
    expect(result.draft.documents.map((d) => d.title)).toEqual(["Cabinet Member's update & notes", 'Challenge cards report']);
    expect(result.draft.statusNote).toBeUndefined();
  });

  it("'Confirmed; Rescheduled from 10/03/2026' is moved, with the earlier date at the same time", () => {
    const result = draftFor('9002');
    expect(result).toMatchObject({
      ok: true,
      draft: {
        status: 'moved',
        startUtc: '2026-03-17T14:00:00.000Z',
        previousStartUtc: '2026-03-10T14:00:00.000Z',
        statusNote: 'Confirmed; Rescheduled from 10/03/2026',
      },
    });
  });

  it('Cancelled is cancelled', () => {
    expect(draftFor('9003')).toMatchObject({ ok: true, draft: { status: 'cancelled', statusNote: 'Cancelled' } });
  });

  it('summer meetings convert from BST', () => {
    expect(draftFor('9004')).toMatchObject({
      ok: true,
      draft: {
        startUtc: '2026-07-14T09:00:00.000Z',
        endUtc: '2026-07-14T12:00:00.000Z',
        venue: 'Council Chamber, Sessions House, County Hall, Maidstone',
      },
    });
  });

  it('skips a meeting with an impossible date or time, with a reason naming it', () => {
    expect(draftFor('9006')).toEqual({ ok: false, sourceId: '9006', reason: 'meeting 9006: unreadable date "31/02/2026"' });
    expect(draftFor('9007')).toEqual({ ok: false, sourceId: '9007', reason: 'meeting 9007: unreadable time "25.00 pm"' });
  });

  it('a meeting with no time yet is kept as an all-day entry with no venue', () => {
    const result = draftFor('9008');
    expect(result).toMatchObject({ ok: true, draft: { allDay: true, startUtc: '2026-11-10T00:00:00.000Z' } });
    if (result.ok) {
      expect(result.draft.venue).toBeUndefined();
      expect(result.draft.endUtc).toBeUndefined();
    }
  });

  it('refuses a detail that answers for another meeting, and one not for public display', () => {
    const listing = parseGetMeetings(fixture('kent-693-GetMeetings.xml'));
    const wrong = buildModernGovDraft(listing.meetings[1]!, parseGetMeeting(fixture('kent-693-GetMeeting-9002.xml')), kent);
    expect(wrong).toMatchObject({ ok: false, reason: expect.stringContaining('answered for meeting 9002') });
    const hidden = parseGetMeeting(
      fixture('kent-693-GetMeeting-9001.xml').replace(
        '<isdisplayallowed>True</isdisplayallowed>',
        '<isdisplayallowed>False</isdisplayallowed>',
      ),
    );
    expect(buildModernGovDraft(listing.meetings[1]!, hidden, kent)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not for public display'),
    });
  });

  it('decodes a doubly-encoded committee title', () => {
    const xml = fixture('kent-693-GetMeetings.xml').replace(
      '<committeetitle>Corporate Parenting Panel</committeetitle>',
      '<committeetitle>Children&amp;amp;#39;s Corporate Parenting Panel &amp;amp;amp; Friends</committeetitle>',
    );
    expect(parseGetMeetings(xml).committeeTitle).toBe("Children's Corporate Parenting Panel & Friends");
  });

  it('throws on a document that is not a GetMeetings or GetMeeting response', () => {
    expect(() => parseGetMeetings('<html><body>Server error</body></html>')).toThrow(/not a GetMeetings response/);
    expect(() => parseGetMeeting('<getmeetings></getmeetings>')).toThrow(/not a GetMeeting response/);
    expect(() => parseGetMeetings('')).toThrow();
  });
});

describe('ModernGov field readers', () => {
  it.each([
    ['10.00 am', { hour: 10, minute: 0 }],
    ['2.00 pm', { hour: 14, minute: 0 }],
    ['12.30 pm', { hour: 12, minute: 30 }],
    ['12.15 am', { hour: 0, minute: 15 }],
    ['2pm', { hour: 14, minute: 0 }],
    ['10:30 a.m.', { hour: 10, minute: 30 }],
    ['12 noon', { hour: 12, minute: 0 }],
    ['14:00', { hour: 14, minute: 0 }],
    ['25.00 pm', undefined],
    ['13.00 pm', undefined],
    ['10.75 am', undefined],
    ['soon', undefined],
    ['', undefined],
  ])('time %j', (text, expected) => {
    expect(parseModernGovTime(text)).toEqual(expected);
  });

  it('dates are dd/mm/yyyy only', () => {
    expect(parseUkDate('05/03/2026')?.toISODate()).toBe('2026-03-05');
    expect(parseUkDate('5/3/2026')?.toISODate()).toBe('2026-03-05');
    expect(parseUkDate('2026-03-05')).toBeUndefined();
    expect(parseUkDate('31/02/2026')).toBeUndefined();
    expect(parseUkDate('03/13/2026')).toBeUndefined();
  });

  it.each([
    ['Confirmed', 'scheduled', undefined],
    ['', 'scheduled', undefined],
    ['Cancelled', 'cancelled', undefined],
    ['Postponed', 'cancelled', undefined],
    ['Confirmed; Rescheduled from 10/03/2026', 'moved', '2026-03-10'],
    ['Rescheduled from 10/03/2026 2.00 pm', 'moved', '2026-03-10'],
    ['Rescheduled', 'moved', undefined],
  ])('status %j', (text, status, previous) => {
    const parsed = parseModernGovStatus(text);
    expect(parsed.status).toBe(status);
    expect(parsed.previous?.date.toISODate()).toBe(previous);
  });

  it('decodes entities until stable and tidies whitespace', () => {
    expect(decodeText('  Children&amp;#39;s\n   Services &amp;amp; Schools ')).toBe("Children's Services & Schools");
    expect(decodeText('A &lt; B')).toBe('A < B');
    expect(decodeText('plain')).toBe('plain');
  });
});
