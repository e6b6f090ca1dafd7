import type { SearchableEntry } from './knowledge-entry';
import { contentStems, textStems } from './match-scoring';
import { questionShape } from './question-shape';
import { WEAK_STEMS } from './stop-words';
import { tokenize } from './text-normalizer';

const PANEL_WORDS: readonly string[] = ['panel', 'cpp'];

/**
 * What each entry is about, as opposed to what its answer mentions: its own question, keywords and
 * acronyms, and what its other phrasings ask to have explained. Built once from the entries.
 */
export class EntryHeads {
  private readonly heads = new Map<string, ReadonlySet<string>>();
  private readonly explained = new Map<string, readonly ReadonlySet<string>[]>();
  private readonly howTo = new Map<string, readonly ReadonlySet<string>[]>();
  private readonly selectCommittee = new Set<string>();
  // Content stems of each entry's own question (not its keywords): what it is first of all about.
  private readonly ownQuestion = new Map<string, ReadonlySet<string>>();
  // Entries by what their own questions ask to have explained, less the words every entry shares.
  private readonly bySubject = new Map<string, string[]>();
  // Every stem some entry is about (the union of the heads).
  private readonly headWords = new Set<string>();

  constructor(entries: readonly SearchableEntry[], passages: readonly SearchableEntry[] = []) {
    // A passage of the Select Committee's report that never names the panel is the committee's own business.
    for (const p of passages)
      if (namesSelectCommittee(tokenize(p.entry.source.document)) && !namesThePanel(tokenize(p.entry.answer)))
        this.selectCommittee.add(p.entry.id);
    for (const s of entries) {
      const head = tokenize([s.entry.question, ...s.keywords, ...s.acronyms, s.meaning ?? ''].join(' . '));
      const stems = contentStems(head);
      this.heads.set(s.entry.id, stems);
      this.ownQuestion.set(s.entry.id, contentStems(tokenize(s.entry.question)));
      for (const stem of stems) this.headWords.add(stem);
      // A glossary entry explains what its acronym stands for: "what is a looked after child" is LAC's.
      const meanings = s.meaning === undefined ? [] : [s.meaning, ...s.acronyms].map(textStems);
      const explained = [...explainedBy([s.entry.question, ...s.alternatives]), ...meanings];
      this.explained.set(s.entry.id, explained);
      for (const key of new Set(explained.map(subjectKey))) this.bySubject.set(key, [...(this.bySubject.get(key) ?? []), s.entry.id]);
      this.howTo.set(s.entry.id, askHowTo([s.entry.question, ...s.alternatives]));
      if (namesSelectCommittee(head) && !namesThePanel(head) && !namesThePanel(tokenize(s.entry.answer)))
        this.selectCommittee.add(s.entry.id);
    }
  }

  /**
   * One of the entry's own questions asks to explain the same thing, give or take the words every
   * entry shares. `asked`: the stems of what the member's question asks to have explained.
   */
  defines(id: string, asked: ReadonlySet<string>): boolean {
    if (asked.size === 0) return false;
    return (this.explained.get(id) ?? []).some((own) => sameSubject(own, asked));
  }

  /** The entries one of whose own questions asks to explain the same thing (see `defines`). */
  definers(asked: ReadonlySet<string>): string[] {
    return (this.bySubject.get(subjectKey(asked)) ?? []).filter((id) => this.defines(id, asked));
  }

  /**
   * "How does the national dispersal scheme work": an answer that mentions the scheme in passing
   * (in an update on asylum-seeking children) does not explain it. An entry explains what its own
   * question or keywords name, or what one of its other phrasings asks to have explained.
   */
  isAbout(id: string, subject: ReadonlySet<string>): boolean {
    const head = this.heads.get(id);
    if (!head) return true;
    return namedIn(head, subject) || this.defines(id, subject);
  }

  /**
   * Whether the entry is written to say what a thing holds: its own question names the thing (its
   * keywords may only mention it) or what it holds ("What are the corporate parenting
   * principles?"), or one of its questions asks to explain the thing. "What does the Pledge
   * promise" is not answered by an entry on the panel's duties that lists the Pledge among them.
   */
  saysWhatItHolds(id: string, subject: ReadonlySet<string>, held: ReadonlySet<string>): boolean {
    const own = this.ownQuestion.get(id);
    if (!own) return true;
    const names = (stems: ReadonlySet<string>) => stems.size > 0 && namedIn(own, stems);
    return names(subject) || names(held) || this.defines(id, subject);
  }

  /** Whether some entry is about this stem: it is in an entry's own question, keywords or acronyms. */
  isHeadWord(stemmed: string): boolean {
    return this.headWords.has(stemmed);
  }

  /** Stems of the entry's own phrasings that ask how to do something ("How can I get a panel document in another format?"). */
  asksHowTo(id: string): readonly ReadonlySet<string>[] {
    return this.howTo.get(id) ?? [];
  }

  /** The entry (or passage) is about the 2015 Select Committee itself (its members, its scope), never speaking of the panel. */
  aboutSelectCommittee(id: string): boolean {
    return this.selectCommittee.has(id);
  }
}

/** The question names the panel and not the Select Committee. */
export function asksAboutThePanelOnly(tokens: readonly string[]): boolean {
  return namesThePanel(tokens) && !namesSelectCommittee(tokens);
}

function namesThePanel(tokens: readonly string[]): boolean {
  return tokens.some((t) => PANEL_WORDS.includes(t));
}

function namesSelectCommittee(tokens: readonly string[]): boolean {
  return tokens.some((t, i) => t === 'select' && /^(?:committee|cttee)$/.test(tokens[i + 1] ?? ''));
}

// Asked and own name the same thing: every word asked is in the entry's, and the entry's other words are ones every entry shares.
function sameSubject(own: ReadonlySet<string>, asked: ReadonlySet<string>): boolean {
  return [...asked].every((s) => own.has(s)) && [...own].every((s) => asked.has(s) || WEAK_STEMS.has(s));
}

/** Every stem but the everyday ones ("panel", "children") is among these words. */
function namedIn(words: ReadonlySet<string>, stems: ReadonlySet<string>): boolean {
  return [...stems].every((s) => WEAK_STEMS.has(s) || words.has(s));
}

function subjectKey(stems: ReadonlySet<string>): string {
  return [...stems]
    .filter((s) => !WEAK_STEMS.has(s))
    .sort()
    .join(' ');
}

const ASKS_HOW_TO = /^how (?:do|does|can|could|should|would|might|to)\b/i;

function askHowTo(questions: readonly string[]): ReadonlySet<string>[] {
  return questions.filter((question) => ASKS_HOW_TO.test(question)).map(textStems);
}

function explainedBy(questions: readonly string[]): ReadonlySet<string>[] {
  return questions.flatMap((q) => {
    const subject = questionShape(q).explains;
    return subject === undefined ? [] : [textStems(subject)];
  });
}
