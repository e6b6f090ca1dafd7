/**
 * One pass over normalised text into tokens: words (letters, with the digits and apostrophes
 * inside them: "CT1", "12B", "Jamie's"), numbers, runs of spaces, line breaks and single
 * punctuation marks. The detectors walk this list with windows of a few tokens, so the whole
 * guard stays linear in the length of the text.
 */
export type TokenKind = 'word' | 'number' | 'space' | 'newline' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Lower case, for look-ups. */
  lower: string;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

function classOf(char: string): 'letter' | 'digit' | 'space' | 'newline' | 'other' {
  const code = char.charCodeAt(0);
  if (isDigit(code)) return 'digit';
  if (char === '\n') return 'newline';
  if (char === ' ') return 'space';
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code > 127 && /\p{L}|\p{M}/u.test(char))) return 'letter';
  return 'other';
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const start = index;
    const first = classOf(text[index]!);
    if (first === 'letter' || first === 'digit') {
      let hasLetter = first === 'letter';
      index++;
      while (index < text.length) {
        const kind = classOf(text[index]!);
        if (kind === 'letter' || kind === 'digit') {
          hasLetter ||= kind === 'letter';
          index++;
        } else if (text[index] === "'" && hasLetter && index + 1 < text.length && classOf(text[index + 1]!) === 'letter') {
          index++; // Jamie's, O'Brien
        } else break;
      }
      push(tokens, hasLetter ? 'word' : 'number', text.slice(start, index));
    } else if (first === 'space') {
      while (index < text.length && text[index] === ' ') index++;
      push(tokens, 'space', text.slice(start, index));
    } else {
      index++;
      push(tokens, first === 'newline' ? 'newline' : 'punct', text.slice(start, index));
    }
  }
  return tokens;
}

function push(tokens: Token[], kind: TokenKind, text: string): void {
  tokens.push({ kind, text, lower: text.toLowerCase() });
}

/** The index of the next token that is not a space, at most `limit` tokens on; -1 when none. */
export function nextSolid(tokens: readonly Token[], from: number, limit = 3): number {
  for (let index = from; index < tokens.length && index < from + limit; index++) if (tokens[index]!.kind !== 'space') return index;
  return -1;
}

/** The index of the previous token that is not a space, at most `limit` tokens back; -1 when none. */
export function previousSolid(tokens: readonly Token[], from: number, limit = 3): number {
  for (let index = from; index >= 0 && index > from - limit; index--) if (tokens[index]!.kind !== 'space') return index;
  return -1;
}

export function isCapitalised(token: Token): boolean {
  const first = token.text[0] ?? '';
  return token.kind === 'word' && first !== first.toLowerCase() && token.text.slice(1) !== token.text.slice(1).toUpperCase();
}

/** "OCYPC", "JAMIE": every letter upper case (two letters or more). */
export function isUpperCase(token: Token): boolean {
  return (
    token.kind === 'word' && token.text.length >= 2 && token.text === token.text.toUpperCase() && token.text !== token.text.toLowerCase()
  );
}
