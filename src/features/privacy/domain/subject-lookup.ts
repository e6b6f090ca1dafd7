import { DomainError } from '../../../shared/errors/domain-error';
import { AAD_OBJECT_ID_PATTERN, type Member } from '../../members/domain/member';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_QUERY = 200;
const MAX_CHOICES = 10;

/** Whom an administrator's "<name or Entra object id>" means. */
export type SubjectLookup =
  | { kind: 'person'; aadObjectId: string; name?: string }
  | { kind: 'choose'; people: Pick<Member, 'aadObjectId' | 'name' | 'active' | 'lastSeen'>[] };

/**
 * Finds the person: an Entra object id as it is (in the directory or not: their data may outlive
 * their directory entry), else a name in the members directory, whole first ("Priya Shah", any
 * case, with or without "Cllr"), then every word of it ("shah"). Several matches are a choice;
 * none is a friendly refusal naming what to try.
 */
export function lookUpSubject(query: string, members: readonly Member[]): SubjectLookup {
  const text = query
    .trim()
    .replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, '')
    .trim();
  if (text.length === 0)
    throw new DomainError('invalid_input', 'Say whose data: for example **export data of Priya Shah** or an Entra object id.');
  if (text.length > MAX_QUERY) throw new DomainError('invalid_input', 'That is too long for a name or an Entra object id.');
  if (!/\s/.test(text) && AAD_OBJECT_ID_PATTERN.test(text)) {
    const byId = members.find((member) => member.aadObjectId.toLowerCase() === text.toLowerCase());
    if (byId) return { kind: 'person', aadObjectId: byId.aadObjectId, name: byId.name };
    if (GUID.test(text)) return { kind: 'person', aadObjectId: text.toLowerCase() };
  }
  const wanted = nameKey(text);
  const whole = members.filter((member) => nameKey(member.name) === wanted);
  const words = wanted.split(' ').filter((word) => word.length >= 2);
  const found =
    whole.length > 0
      ? whole
      : members.filter((member) => words.length > 0 && words.every((word) => nameKey(member.name).split(' ').includes(word)));
  if (found.length === 1) return { kind: 'person', aadObjectId: found[0]!.aadObjectId, name: found[0]!.name };
  if (found.length === 0)
    throw new DomainError(
      'not_found',
      'I could not find anyone of that name in the members directory. Check the spelling, or use their Entra object id (from the Entra admin centre).',
    );
  return { kind: 'choose', people: found.slice(0, MAX_CHOICES) };
}

/** Lower case, single spaces, no "Cllr"/"Councillor", no punctuation around words. */
function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .replace(/\b(?:cllr|councillor)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
