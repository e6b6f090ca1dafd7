import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV configuration every export uses (attendee lists, the challenge report), so a fix
 * to one is a fix to all:
 * - a byte-order mark, so Excel reads names like "Siobhán" as UTF-8; CRLF lines (RFC 4180, Excel);
 * - csv-stringify's `escape_formulas`: a cell starting with = + - @, a tab or a carriage return,
 *   or their full-width forms ＝ ＋ － ＠, gets a leading apostrophe, so text from a Teams profile or
 *   typed into a card can never run as a formula (OWASP "CSV injection");
 * - any line break is quoted (the library on its own quotes only the record delimiter, CRLF), and
 *   so is leading or trailing space, which spreadsheets would otherwise trim.
 */
export function csvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header, ...rows] as string[][], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    quoted_match: [/^\s|\s$/, /[\r\n]/],
  });
}
