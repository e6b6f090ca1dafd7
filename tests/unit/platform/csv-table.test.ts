import fs from 'node:fs';
import path from 'node:path';
import { attendeesCsv } from '../../../src/features/events/domain/attendee-csv';
import type { Rsvp } from '../../../src/features/events/domain/rsvp';
import { csvTable } from '../../../src/platform/process/csv-table';
import { projectRoot } from '../../../src/platform/process/project-root';

/** Every prefix a spreadsheet (Excel, LibreOffice, Sheets, Numbers) may run as a formula, ASCII and full-width. */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

function rsvp(name: string): Rsvp {
  return {
    eventId: 'ev-0123456789abcdef01234567',
    aadObjectId: 'aad-1',
    name,
    response: 'going',
    respondedAtUtc: '2027-01-20T10:05:00.000Z',
    firstRespondedAtUtc: '2027-01-20T10:05:00.000Z',
  };
}

describe('the one CSV table writer', () => {
  it('writes a BOM, a header and CRLF lines, quoting commas, quotes and any line break', () => {
    expect(
      csvTable(
        ['A', 'B'],
        [
          ['x, y', 'say "hi"'],
          ['line\nbreak', 'plain'],
        ],
      ),
    ).toBe('\uFEFFA,B\r\n"x, y","say ""hi"""\r\n"line\nbreak",plain\r\n');
  });

  it.each(FORMULA_STARTS)('neutralises a cell starting with %j', (start) => {
    const csv = csvTable(['Name'], [[`${start}HYPERLINK("http://evil.example")`]]);
    const cell = csv.replace(/^\uFEFFName\r\n/, '');
    expect(cell.replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
  });

  it.each(FORMULA_STARTS)('the attendee CSV neutralises a display name starting with %j', (start) => {
    const csv = attendeesCsv([rsvp(`${start}cmd|' /C calc'!A0`)]);
    const row = csv.split('\r\n')[1]!;
    expect(row.replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
  });

  it('is the only place in the source that configures csv-stringify', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts') && fs.readFileSync(file, 'utf8').includes('csv-stringify'))
          offenders.push(path.relative(projectRoot(), file));
      }
    };
    walk(path.join(projectRoot(), 'src'));
    expect(offenders).toEqual([path.join('src', 'platform', 'process', 'csv-table.ts')]);
  });
});
