import { attendeesCsv, attendeesCsvFileName } from '../../../src/features/events/domain/attendee-csv';
import { type Rsvp, namesByResponse, totalsOf, wantsReminder } from '../../../src/features/events/domain/rsvp';
import { anEvent } from './event-fixtures';

function rsvp(name: string, response: Rsvp['response'], respondedAtUtc = '2027-01-20T10:05:00.000Z'): Rsvp {
  return {
    eventId: 'ev-0123456789abcdef01234567',
    aadObjectId: `aad-${name.replace(/\W/g, '')}`,
    name,
    response,
    respondedAtUtc,
    firstRespondedAtUtc: respondedAtUtc,
  };
}

const rsvps = [
  rsvp('Cllr Priya Shah', 'maybe'),
  rsvp('Cllr Martin Hughes', 'going', '2027-07-01T08:30:00.000Z'),
  rsvp('Cllr Ann Allen', 'not_going'),
  rsvp('Cllr Bob Brown', 'going'),
];

describe('RSVP tallies', () => {
  it('totals by answer and names by answer, sorted', () => {
    expect(totalsOf(rsvps)).toEqual({ going: 2, maybe: 1, not_going: 1 });
    expect(namesByResponse(rsvps)).toEqual({
      going: ['Cllr Bob Brown', 'Cllr Martin Hughes'],
      maybe: ['Cllr Priya Shah'],
      not_going: ['Cllr Ann Allen'],
    });
  });

  it('reminds Going and Maybe only', () => {
    expect(rsvps.filter(wantsReminder).map((r) => r.name)).toEqual(['Cllr Priya Shah', 'Cllr Martin Hughes', 'Cllr Bob Brown']);
  });
});

describe('attendee CSV (csv-stringify)', () => {
  it("has a header, Going then Maybe then Can't go, London times (BST in July), CRLF and a BOM", () => {
    expect(attendeesCsv(rsvps)).toBe(
      '\uFEFFName,Response,Responded at (Europe/London)\r\n' +
        'Cllr Bob Brown,Going,2027-01-20 10:05\r\n' +
        'Cllr Martin Hughes,Going,2027-07-01 09:30\r\n' +
        'Cllr Priya Shah,Maybe,2027-01-20 10:05\r\n' +
        "Cllr Ann Allen,Can't go,2027-01-20 10:05\r\n",
    );
  });

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const csv = attendeesCsv([rsvp('Shah, Priya "PS"', 'going'), rsvp('=HYPERLINK("http://x")', 'maybe'), rsvp('Line\nBreak', 'going')]);
    expect(csv).toContain('"Line\nBreak",Going');
    expect(csv).toContain('"Shah, Priya ""PS""",Going');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",Maybe`);
  });

  it('is just the header when nobody replied, and names the file after the event', () => {
    expect(attendeesCsv([])).toBe('\uFEFFName,Response,Responded at (Europe/London)\r\n');
    expect(attendeesCsvFileName(anEvent())).toBe('virtual-school-kent-achievement-awards-attendees-2027-02-10.csv');
  });
});
