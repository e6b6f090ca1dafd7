/**
 * Text as the detectors read it: NFKC (full-width letters and digits, "＠", ligatures and odd
 * spaces become plain ASCII), invisible characters that hide a number from a pattern removed,
 * every dash a hyphen, curly quotes straight, tabs spaces. Every step is one pass over the text.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, '')
    .replace(/[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63]/g, '-')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u00B7\u2022\u2219\u22C5\u30FB]/g, '.')
    .replace(/[\t\v\f\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g, ' ')
    .replace(/\r\n?/g, '\n');
}
