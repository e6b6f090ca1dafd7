/**
 * E-mail addresses as people write them to get past a filter: "jamie@gmail", "jamie＠gmail.com"
 * (NFKC has already made that "@"), "jamie (at) gmail (dot) com", "jamie[at]gmail[dot]com",
 * "jamie @ gmail . com", "jamie at gmail dot com", "jamie.smith at kent.sch.uk".
 *
 * Every pattern starts only where a word starts (a look-behind) and every repetition is bounded,
 * so each is tried once per word, not once per character: linear time on any input. (The pattern
 * this replaces, `[A-Za-z0-9._%+-]+@...`, restarted inside every long word: quadratic.)
 */
const BRACKETED_AT = /[([{<]\s{0,2}(?:at|@)\s{0,2}[)\]}>]/gi;
const BRACKETED_DOT = /[([{<]\s{0,2}(?:dot|\.)\s{0,2}[)\]}>]/gi;
/** "jamie@gmail": a local part, "@", a domain label; spaces around "@" need more (see below). */
const AT_SIGN = /(?<![a-z0-9._%+-])([a-z0-9._%+-]{1,64})(\s{0,2})@(\s{0,2})([a-z][a-z0-9-]{0,62})/gi;
/** "jamie at gmail", "jamie.smith at kent": the word "at" between two words. */
const SPELLED_AT = /(?<![a-z0-9._%+-])([a-z0-9][a-z0-9._%+-]{0,63})\s{1,3}at\s{1,3}([a-z][a-z0-9-]{0,62})/gi;
/** What follows a domain label: ".com", " dot co dot uk", ". sch . uk". */
const DOMAIN_TAIL = /^(?:\s{0,2}(?:\.|dot(?![a-z]))\s{0,2}[a-z0-9-]{1,63}){1,4}/i;
const SPELLED_DOT = /dot/i;

const MAIL_PROVIDERS = new Set([
  'gmail',
  'googlemail',
  'hotmail',
  'yahoo',
  'ymail',
  'icloud',
  'aol',
  'btinternet',
  'virginmedia',
  'talktalk',
  'protonmail',
  'msn',
  'gmx',
  'outlook',
  'live',
]);
/** "at live music" or "at outlook" in a sentence is not an address: these need "@" or a dot. */
const PROVIDERS_ALSO_WORDS = new Set(['outlook', 'live']);
const TOP_LEVEL = new Set([
  'com',
  'co',
  'uk',
  'org',
  'net',
  'gov',
  'ac',
  'sch',
  'nhs',
  'edu',
  'io',
  'me',
  'info',
  'biz',
  'ie',
  'eu',
  'us',
  'de',
  'fr',
  'mil',
  'police',
  'london',
  'scot',
  'wales',
  'cymru',
]);

/**
 * Public-sector mailboxes (an officer's or a service's: democratic.services@kent.gov.uk): no child
 * in care has one. School addresses (.sch.uk) are not among them: pupils have those.
 */
const PUBLIC_SECTOR = /(?:^|\.)(?:gov\.uk|nhs\.net|nhs\.uk|police\.uk|parliament\.uk)$/i;

/** Turns bracketed "(at)" / "[dot]" into "@" / ".", so the patterns below see an address. */
export function unbracketAddresses(text: string): string {
  return text.replace(BRACKETED_AT, '@').replace(BRACKETED_DOT, '.');
}

function tailOf(text: string, from: number): { labels: string[]; spelled: boolean } {
  const tail = DOMAIN_TAIL.exec(text.slice(from, from + 300));
  if (!tail) return { labels: [], spelled: false };
  const labels = tail[0].split(/\s*(?:\.|dot(?![a-z]))\s*/i).filter((label) => label.length > 0);
  return { labels, spelled: SPELLED_DOT.test(tail[0]) };
}

function endsInTopLevel(labels: readonly string[]): boolean {
  const last = labels[labels.length - 1];
  return last !== undefined && TOP_LEVEL.has(last.toLowerCase());
}

export function hasEmailAddress(normalised: string): boolean {
  const text = unbracketAddresses(normalised);
  for (const match of text.matchAll(AT_SIGN)) {
    const [whole, , before, after, domain] = match;
    const tail = tailOf(text, match.index + whole.length);
    if (PUBLIC_SECTOR.test([domain, ...tail.labels].join('.'))) continue;
    if (!before && !after) return true;
    if (endsInTopLevel(tail.labels) || MAIL_PROVIDERS.has(domain!.toLowerCase())) return true;
  }
  for (const match of text.matchAll(SPELLED_AT)) {
    const [whole, local, domain] = match;
    const provider = domain!.toLowerCase();
    const tail = tailOf(text, match.index + whole.length);
    if (PUBLIC_SECTOR.test([domain, ...tail.labels].join('.'))) continue;
    if (MAIL_PROVIDERS.has(provider) && (!PROVIDERS_ALSO_WORDS.has(provider) || tail.labels.length > 0)) return true;
    // "find it at kent.gov.uk" is a website; "jamie at kent dot sch dot uk" or "jamie.smith at kent.sch.uk" is an address.
    if (endsInTopLevel(tail.labels) && (tail.spelled || /[._\d]/.test(local!))) return true;
  }
  return false;
}
