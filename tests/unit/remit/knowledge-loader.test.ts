import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeBase } from '../../../src/features/remit/domain/knowledge-base';
import { KnowledgeLoadError } from '../../../src/features/remit/domain/knowledge-load-error';

const CONTACTS = `defaults: { owner: Democratic Services, reviewed: 2026-01-10, review_by: 2027-01-10 }
entries:
  - id: contact-democratic-services
    question: Who do I contact?
    answer: Democratic Services, Kent County Council.
    source: { document: Minutes, section: Contact }
    related: [tor-purpose, tor-accountability]
`;

const TOPICS = `defaults: { owner: Democratic Services, reviewed: 2026-01-10, review_by: 2027-01-10 }
entries:
  - id: tor-purpose
    question: What is the panel for?
    answer: It leads on corporate parenting.
    source: { document: Terms of reference, section: Purpose }
    related: [tor-accountability, contact-democratic-services]
  - id: tor-accountability
    question: Who is the panel accountable to?
    alternatives: [Who does the panel report to?]
    keywords: [accountable, 2016]
    answer: |
      The panel is accountable:
      - to the County Council;
      - to children in care.
    source: { document: Terms of reference, section: Accountability }
    related: [tor-purpose, contact-democratic-services]
`;

const GLOSSARY = `defaults: { owner: Democratic Services, reviewed: 2026-01-10, review_by: 2027-01-10 }
terms:
  - acronym: UASC
    meaning: Unaccompanied Asylum Seeking Children
    aliases: [UASCs]
    source: { document: Terms of reference, section: Roles }
    related: [tor-purpose, tor-accountability]
`;

const SYNONYMS = `groups:
  - [chair, chairman]
`;

const tempDirs: string[] = [];

function knowledgeDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remit-knowledge-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function valid(overrides: Record<string, string> = {}): Record<string, string> {
  return { 'contacts.yaml': CONTACTS, 'topics.yaml': TOPICS, 'glossary.yaml': GLOSSARY, 'synonyms.yaml': SYNONYMS, ...overrides };
}

function loadError(files: Record<string, string>): KnowledgeLoadError {
  try {
    KnowledgeBase.loadFromDirectory(knowledgeDir(files));
  } catch (error) {
    if (error instanceof KnowledgeLoadError) return error;
    throw error;
  }
  throw new Error('expected a KnowledgeLoadError');
}

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('knowledge loader', () => {
  it('loads a valid folder', () => {
    const kb = KnowledgeBase.loadFromDirectory(knowledgeDir(valid()));
    expect(
      kb
        .entries()
        .map((e) => e.id)
        .sort(),
    ).toEqual(['contact-democratic-services', 'glossary-uasc', 'tor-accountability', 'tor-purpose']);
    expect(kb.contact().id).toBe('contact-democratic-services');
    expect(kb.entry('glossary-uasc')).toMatchObject({
      kind: 'glossary',
      question: 'What does UASC stand for?',
      answer: 'UASC stands for Unaccompanied Asylum Seeking Children.',
      related: ['tor-purpose', 'tor-accountability'],
    });
    expect(kb.entry('tor-accountability')?.answer).toBe('The panel is accountable:\n- to the County Council;\n- to children in care.');
    expect(kb.synonymGroups()).toEqual([['chair', 'chairman']]);
  });

  it('names the file and the entry when a required field is missing', () => {
    const error = loadError(valid({ 'glossary.yaml': GLOSSARY.replace('section: Roles', 'sectio: Roles') }));
    expect(error.message).toMatch(/glossary\.yaml: entry "glossary-uasc": /);
    expect(error.message).toContain('source.section is required');
    expect(error.file).toMatch(/glossary\.yaml$/);
    expect(error.entry).toBe('"glossary-uasc"');
  });

  it('reports an entry without an id by its position', () => {
    const error = loadError(
      valid({
        'topics.yaml': TOPICS.replace('  - id: tor-purpose\n', '  - question: x\n').replace('    question: What is the panel for?\n', ''),
      }),
    );
    expect(error.message).toMatch(/topics\.yaml: entry #1: id is required/);
  });

  it('rejects an id that is not kebab-case', () => {
    const error = loadError(
      valid({
        'contacts.yaml': `${CONTACTS}  - id: Bad_Id\n    question: q\n    answer: a\n    source: { document: d, section: s }\n    related: [tor-purpose, tor-accountability]\n`,
      }),
    );
    expect(error.message).toMatch(/contacts\.yaml: entry "Bad_Id": id must be kebab-case/);
  });

  it('rejects a duplicate id, naming both files', () => {
    const duplicate = `defaults: { owner: Democratic Services, reviewed: 2026-01-10, review_by: 2027-01-10 }\nentries:\n  - id: tor-purpose\n    question: Again?\n    answer: Again.\n    source: { document: d, section: s }\n    related: [tor-accountability, contact-democratic-services]\n`;
    const error = loadError(valid({ 'zz-more.yaml': duplicate }));
    expect(error.message).toMatch(/zz-more\.yaml: entry "tor-purpose": duplicate id \(already used in .*topics\.yaml\)/);
  });

  it('rejects a related id that does not exist', () => {
    const error = loadError(
      valid({
        'topics.yaml': TOPICS.replace(
          'related: [tor-accountability, contact-democratic-services]',
          'related: [tor-accountability, tor-nowhere]',
        ),
      }),
    );
    expect(error.message).toMatch(/topics\.yaml: entry "tor-purpose": related id "tor-nowhere" does not exist/);
  });

  it('rejects too few or too many related ids', () => {
    expect(
      loadError(
        valid({
          'topics.yaml': TOPICS.replace('related: [tor-accountability, contact-democratic-services]', 'related: [tor-accountability]'),
        }),
      ).message,
    ).toMatch(/entry "tor-purpose": related must list at least 2 ids/);
    expect(
      loadError(
        valid({
          'topics.yaml': TOPICS.replace('related: [tor-accountability, contact-democratic-services]', 'related: [a-1, a-2, a-3, a-4]'),
        }),
      ).message,
    ).toMatch(/entry "tor-purpose": related must list at most 3 ids/);
  });

  it('rejects an answer that is too long', () => {
    const long = 'x'.repeat(1201);
    const error = loadError(valid({ 'topics.yaml': TOPICS.replace('answer: It leads on corporate parenting.', `answer: ${long}`) }));
    expect(error.message).toMatch(/topics\.yaml: entry "tor-purpose": answer is longer than 1200 characters/);
  });

  it('rejects a question that is too long for a button', () => {
    const error = loadError(
      valid({ 'topics.yaml': TOPICS.replace('question: What is the panel for?', `question: ${'Why '.repeat(31)}?`) }),
    );
    expect(error.message).toMatch(/entry "tor-purpose": question is longer than 120 characters/);
  });

  it('rejects HTML in an answer', () => {
    const error = loadError(
      valid({ 'topics.yaml': TOPICS.replace('answer: It leads on corporate parenting.', 'answer: It <b>leads</b>.') }),
    );
    expect(error.message).toMatch(/entry "tor-purpose": answer must be plain text/);
  });

  it('rejects a misspelt field rather than ignoring it', () => {
    const error = loadError(valid({ 'topics.yaml': TOPICS.replace('    answer: It leads', '    answr: x\n    answer: It leads') }));
    expect(error.message).toMatch(/entry "tor-purpose": unknown field "answr"/);
  });

  it('names the file when the YAML is malformed', () => {
    const error = loadError(valid({ 'topics.yaml': `${TOPICS}  - id: [unclosed\n` }));
    expect(error.message).toMatch(/topics\.yaml: invalid YAML: /);
    expect(error.entry).toBeUndefined();
  });

  it('rejects a file with no recognised top-level key', () => {
    expect(loadError(valid({ 'odd.yaml': 'questions: []\n' })).message).toMatch(
      /odd\.yaml: must have exactly one top-level key out of: entries, terms, groups/,
    );
    expect(loadError(valid({ 'odd.yaml': '- a\n- b\n' })).message).toMatch(/odd\.yaml: must be a mapping/);
  });

  it('rejects an acronym defined twice', () => {
    const again = `defaults: { owner: Democratic Services, reviewed: 2026-01-10, review_by: 2027-01-10 }\nterms:\n  - acronym: UASCs\n    meaning: Again\n    source: { document: d, section: s }\n`;
    expect(loadError(valid({ 'zz-glossary.yaml': again })).message).toMatch(
      /zz-glossary\.yaml: entry "glossary-uascs": "UASCs" is already defined by "glossary-uasc"/,
    );
  });

  it('rejects a synonym group with a single word', () => {
    expect(loadError(valid({ 'synonyms.yaml': 'groups:\n  - [chair]\n' })).message).toMatch(
      /synonyms\.yaml: entry #1: must have at least two words or phrases/,
    );
  });

  it('requires the Democratic Services contact entry', () => {
    const files = valid({ 'contacts.yaml': CONTACTS.replace('contact-democratic-services', 'contact-someone-else') });
    const topics = (files['topics.yaml'] ?? '').replaceAll('contact-democratic-services', 'contact-someone-else');
    expect(loadError({ ...files, 'topics.yaml': topics }).message).toMatch(/required entry "contact-democratic-services" is missing/);
  });

  it('rejects a missing or empty folder', () => {
    expect(() => KnowledgeBase.loadFromDirectory(path.join(os.tmpdir(), 'no-such-knowledge-folder'))).toThrow(/knowledge folder not found/);
    expect(() => KnowledgeBase.loadFromDirectory(knowledgeDir({}))).toThrow(/no \.yaml files found/);
  });

  it('gives every entry its owner and review dates, from the entry or the file defaults', () => {
    const own = TOPICS.replace(
      '    related: [tor-accountability, contact-democratic-services]\n',
      '    related: [tor-accountability, contact-democratic-services]\n    owner: Virtual School Kent\n    reviewed: 2025-06-01\n    review_by: 2026-06-01\n',
    );
    const knowledge = KnowledgeBase.loadFromDirectory(knowledgeDir(valid({ 'topics.yaml': own })));
    expect(knowledge.entry('tor-purpose')?.review).toEqual({
      owner: 'Virtual School Kent',
      reviewed: '2025-06-01',
      reviewBy: '2026-06-01',
    });
    expect(knowledge.entry('tor-accountability')?.review).toEqual({
      owner: 'Democratic Services',
      reviewed: '2026-01-10',
      reviewBy: '2027-01-10',
    });
    expect(knowledge.entry('glossary-uasc')?.review?.reviewBy).toBe('2027-01-10');
  });

  it('refuses an entry with no owner or review date, naming what is missing', () => {
    const error = loadError(valid({ 'topics.yaml': TOPICS.replace(/^defaults:.*\n/, '') }));
    expect(error.message).toMatch(/topics\.yaml: entry "tor-purpose": needs owner, reviewed, review_by/);
  });

  it('refuses a review date that is not a real date, or before the last review', () => {
    expect(loadError(valid({ 'topics.yaml': TOPICS.replace('review_by: 2027-01-10', 'review_by: 2027-02-30') })).message).toMatch(
      /defaults: review_by is not a real date/,
    );
    expect(loadError(valid({ 'topics.yaml': TOPICS.replace('review_by: 2027-01-10', 'review_by: 10/01/2027') })).message).toMatch(
      /review_by must be a date written YYYY-MM-DD/,
    );
    expect(loadError(valid({ 'topics.yaml': TOPICS.replace('review_by: 2027-01-10', 'review_by: 2025-01-10') })).message).toMatch(
      /review_by \(2025-01-10\) is before reviewed \(2026-01-10\)/,
    );
  });

  it('picks related entries for a glossary term written without them', () => {
    const glossary = `defaults: { owner: Democratic Services, reviewed: 2026-01-10, review_by: 2027-01-10 }\nterms:\n  - acronym: KCC\n    meaning: Kent County Council\n    source: { document: d, section: s }\n`;
    const topics = TOPICS.replace('answer: It leads on corporate parenting.', 'answer: KCC leads on corporate parenting.');
    const kb = KnowledgeBase.loadFromDirectory(knowledgeDir(valid({ 'glossary-2.yaml': glossary, 'topics.yaml': topics })));
    expect(kb.entry('glossary-kcc')?.related[0]).toBe('tor-purpose');
    expect(kb.entry('glossary-kcc')?.related.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the shipped knowledge base', () => {
  const kb = KnowledgeBase.loadFromDirectory();

  it('loads from the default folder, with the contact entry', () => {
    expect(kb.contact().answer).toContain('Democratic Services');
    expect(kb.contact().answer).toContain('03000 416172');
  });

  it('narrows its phrasings for the bench without touching its own', () => {
    const alternativesOf = (base: KnowledgeBase) => base.searchableEntries().find((s) => s.entry.id === 'tor-chairman')?.alternatives ?? [];
    const all = alternativesOf(kb);
    const narrowed = kb.withPhrasings((id, i) => id !== 'tor-chairman' || i % 2 === 0);
    expect(all.length).toBeGreaterThan(2);
    expect(alternativesOf(narrowed)).toEqual(all.filter((_, i) => i % 2 === 0));
    expect(alternativesOf(kb)).toEqual(all);
    expect(narrowed.passages()).toBe(kb.passages());
  });

  it('has every Select Committee recommendation as its own entry', () => {
    for (let n = 1; n <= 15; n += 1) {
      const entry = kb.entry(`sc-rec-${String(n).padStart(2, '0')}`);
      expect(entry?.source.section).toBe(`Recommendation ${n}`);
      expect(entry?.answer.startsWith(`Recommendation ${n}:`)).toBe(true);
    }
  });

  it('explains the acronyms the documents use', () => {
    for (const acronym of [
      'CICC',
      'OCYPC',
      'VSK',
      'UASC',
      'IRO',
      'CAMHS',
      'NEET',
      'KSCB',
      'CCG',
      'YAC',
      'OFSTED',
      'SGO',
      'LAC',
      'CPP',
      'KCC',
    ]) {
      expect(kb.entry(`glossary-${acronym.toLowerCase()}`)?.kind).toBe('glossary');
    }
  });

  it('gives every authored entry an owner and a review-by date after its last review', () => {
    const missing = kb
      .entries()
      .filter((e) => !e.review || e.review.owner === '' || e.review.reviewBy < e.review.reviewed)
      .map((e) => e.id);
    expect(missing).toEqual([]);
  });

  it('gives every entry 2-3 related entries that exist, and a source', () => {
    for (const entry of kb.entries()) {
      expect(entry.related.length).toBeGreaterThanOrEqual(2);
      expect(entry.related.length).toBeLessThanOrEqual(3);
      for (const id of entry.related) expect(kb.entry(id)).toBeDefined();
      expect(entry.source.document).not.toBe('');
      expect(entry.source.section).not.toBe('');
    }
  });
});

describe('the shipped source documents', () => {
  const kb = KnowledgeBase.loadFromDirectory();
  const sections = new Set(kb.passages().map((p) => `${p.document} / ${p.section}`));
  const documents = new Set(kb.passages().map((p) => p.document));

  it('are split into passages, each cited by document and section', () => {
    expect(kb.passages().length).toBeGreaterThan(100);
    for (const passage of kb.passages()) {
      expect(passage.text.length).toBeGreaterThan(10);
      expect(passage.section).not.toBe('');
    }
  });

  it('hold the section every entry drawn from them cites', () => {
    const unknown = kb
      .entries()
      .filter((e) => documents.has(e.source.document) && !sections.has(`${e.source.document} / ${e.source.section}`))
      .map((e) => `${e.id}: ${e.source.document} / ${e.source.section}`);
    expect(unknown).toEqual([]);
  });
});
