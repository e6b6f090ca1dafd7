import type { DataSubject, Pseudonym } from '../personal-data';

/** Names shorter than this are not looked for in free text: "Al" would match too much that is not them. */
const MIN_NAME_LENGTH = 3;

/**
 * Finds a data subject in stored values: their Entra object id or Teams user id anywhere in a
 * string (ids are matched case-insensitively, as Entra treats them), and their display names as
 * whole words in any case and spacing. Replacing puts the pseudonym's id where an id was and
 * "Former member" where a name was. One compiled pattern per kind: linear in the text's length.
 */
export class SubjectMatcher {
  private readonly ids: ReadonlySet<string>;
  private readonly idPattern: RegExp | undefined;
  private readonly namePattern: RegExp | undefined;

  constructor(readonly subject: DataSubject) {
    const ids = [subject.aadObjectId, ...subject.teamsUserIds].map((id) => id.trim()).filter((id) => id.length > 0);
    this.ids = new Set(ids.map((id) => id.toLowerCase()));
    this.idPattern = alternation(ids.map(escapeRegExp), 'gi');
    const names = [...new Set(subject.names.map((name) => name.trim().replace(/\s+/g, ' ')))].filter(
      (name) => name.length >= MIN_NAME_LENGTH,
    );
    // Longest first, so "Priya Shah-Jones" is replaced whole rather than leaving "-Jones".
    names.sort((a, b) => b.length - a.length);
    const words = names.map((name) => escapeRegExp(name).replace(/ /g, '\\s+'));
    this.namePattern = words.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : undefined;
  }

  /** Whether the value is exactly one of the subject's ids. */
  isSubjectId(value: unknown): boolean {
    return typeof value === 'string' && this.ids.has(value.trim().toLowerCase());
  }

  /** Whether the text holds one of the subject's ids or names. */
  mentions(text: string): boolean {
    return test(this.idPattern, text) || test(this.namePattern, text);
  }

  /** The text with every id replaced by the pseudonym's id and every name by its name. */
  scrubText(text: string, pseudonym: Pseudonym): string {
    let scrubbed = this.idPattern ? text.replace(this.idPattern, pseudonym.id) : text;
    if (this.namePattern) scrubbed = scrubbed.replace(this.namePattern, pseudonym.name);
    return scrubbed;
  }

  /**
   * A stored string property scrubbed: JSON (an object or array) is parsed and scrubbed value by
   * value, so a name with a quote in it is still found; anything else is scrubbed as text.
   */
  scrubStored(value: string, pseudonym: Pseudonym): string {
    const json = parseJsonContainer(value);
    return json === undefined ? this.scrubText(value, pseudonym) : JSON.stringify(this.scrubJson(json, pseudonym));
  }

  /**
   * A JSON value scrubbed throughout. Where an object holds the subject's id under `aadObjectId`,
   * `id`, `<x>Id` or `<x>AadObjectId`, its name beside it (`name`, `<x>Name`) becomes the
   * pseudonym's name, whatever name was stored then (a person may have been renamed since). A
   * name beside someone else's id is theirs, even when it is spelt the same, and is left alone.
   */
  scrubJson(value: unknown, pseudonym: Pseudonym): unknown {
    if (typeof value === 'string') return this.scrubText(value, pseudonym);
    if (Array.isArray(value)) return value.map((item) => this.scrubJson(item, pseudonym));
    if (typeof value !== 'object' || value === null) return value;
    return this.scrubRecord(value as Record<string, unknown>, pseudonym, (item) => this.scrubJson(item, pseudonym));
  }

  /** An object's properties scrubbed by `scrub`, with the pairing of ids and names described at scrubJson. */
  scrubRecord(
    record: Readonly<Record<string, unknown>>,
    pseudonym: Pseudonym,
    scrub: (value: unknown) => unknown,
    owner?: { nameKey: string; id: string | undefined },
  ): Record<string, unknown> {
    const pairs = namePairs(record);
    if (owner) pairs.push({ nameKey: owner.nameKey, id: owner.id });
    const theirs = new Set(pairs.filter((pair) => pair.id !== undefined && this.isSubjectId(pair.id)).map((pair) => pair.nameKey));
    const others = new Set(pairs.filter((pair) => pair.id !== undefined && !this.isSubjectId(pair.id)).map((pair) => pair.nameKey));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) {
      if (theirs.has(key) && typeof item === 'string') out[key] = pseudonym.name;
      else if (others.has(key) && !theirs.has(key)) out[key] = item;
      else out[key] = scrub(item);
    }
    return out;
  }
}

/** The name properties of an object and the id each stands beside. */
function namePairs(record: Readonly<Record<string, unknown>>): { nameKey: string; id: string | undefined }[] {
  const pairs: { nameKey: string; id: string | undefined }[] = [];
  for (const [key, item] of Object.entries(record)) {
    const nameKey = pairedNameKey(key);
    if (nameKey && nameKey in record && typeof item === 'string' && item.length > 0) pairs.push({ nameKey, id: item });
  }
  return pairs;
}

/** `aadObjectId` -> `name`, `byId` -> `byName`, `askedByAadObjectId` -> `askedByName`. */
function pairedNameKey(key: string): string | undefined {
  if (key === 'aadObjectId' || key === 'id') return 'name';
  const match = /^(.+?)(?:AadObjectId|Id)$/.exec(key);
  return match ? `${match[1]}Name` : undefined;
}

function parseJsonContainer(value: string): unknown {
  const first = value.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function alternation(parts: readonly string[], flags: string): RegExp | undefined {
  return parts.length > 0 ? new RegExp(parts.join('|'), flags) : undefined;
}

function test(pattern: RegExp | undefined, text: string): boolean {
  if (!pattern) return false;
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
