/**
 * Makes text typed by a person (a title, a display name, a reason) show as typed in a TextBlock,
 * whose text Teams reads as Markdown. Only what a Markdown renderer would read as markup in that
 * very position gets a CommonMark backslash escape: Teams' renderers do not all honour escapes, so
 * an escape where none is needed ("Awards\-2026") would show. Non-ASCII punctuation is never
 * touched (CommonMark cannot escape it, and it is never markup).
 *
 * - inline: `*`, `_`, `~` and backticks only when the text holds a pair of them (a lone one can
 *   never open and close; an underscore inside a word never counts), `[` only when a `]` follows
 *   (a link or an image), `<` only where a tag, an autolink or an `<at>` mention could start, `&`
 *   only before an entity, a backslash only before ASCII punctuation (where it would escape);
 * - at the start of a line: `#` headings, `>` quotes, `-` `+` `*` bullets, `1.` / `1)` numbered
 *   lists, `===` / `---` underlines and rules; an indent that would make a code block is kept
 *   with no-break spaces.
 */
export function literalText(text: string): string {
  const paired = pairedMarkers(text);
  const lastClosingBracket = text.lastIndexOf(']');
  let out = '';
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    out += escapeLineStart(escapeInline(text, lineStart, i, paired, lastClosingBracket));
    if (i < text.length) out += '\n';
    lineStart = i + 1;
  }
  return out;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const ENTITY = /^&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** The emphasis and code markers that occur at least twice. */
function pairedMarkers(text: string): Set<string> {
  const paired = new Set<string>();
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (character === '_' && isIntraword(text, i)) continue;
    if ('*_~`'.includes(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  for (const [marker, count] of counts) if (count >= 2) paired.add(marker);
  return paired;
}

function isIntraword(text: string, index: number): boolean {
  return WORD.test(text[index - 1] ?? '') && WORD.test(text[index + 1] ?? '');
}

/** The line text[from, to) with its inline markup escaped. */
function escapeInline(text: string, from: number, to: number, paired: Set<string>, lastClosingBracket: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const character = text[i]!;
    const next = i + 1 < to ? text[i + 1]! : '';
    let escape: boolean;
    switch (character) {
      case '\\':
        escape = ASCII_PUNCTUATION.test(next);
        break;
      case '_':
        escape = paired.has('_') && !isIntraword(text, i);
        break;
      case '*':
      case '~':
      case '`':
        escape = paired.has(character);
        break;
      case '[':
        escape = lastClosingBracket > i;
        break;
      case '<':
        escape = /[A-Za-z/!?]/.test(next);
        break;
      case '&':
        escape = ENTITY.test(text.slice(i, to));
        break;
      default:
        escape = false;
    }
    out += escape ? `\\${character}` : character;
  }
  return out;
}

function escapeLineStart(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  const rest = line.slice(indent.length);
  const width = indent.replace(/\t/g, '    ').length;
  const lead = width >= 4 ? '\u00a0'.repeat(width) : indent;
  if (/^#{1,6}(?:[ \t]|$)/.test(rest) || rest.startsWith('>')) return `${lead}\\${rest}`;
  if (/^[-+*](?:[ \t]|$)/.test(rest)) return `${lead}\\${rest}`;
  if (/^(?:=+|-+)[ \t]*$/.test(rest) || /^(?:[*_][ \t]*){3,}$/.test(rest)) return `${lead}\\${rest}`;
  const numbered = /^(\d{1,9})[.)](?=[ \t]|$)/.exec(rest);
  if (numbered) return `${lead}${numbered[1]}\\${rest.slice(numbered[1]!.length)}`;
  return `${lead}${rest}`;
}
