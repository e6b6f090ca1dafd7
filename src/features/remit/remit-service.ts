import { type EnglishThesaurus, sharedThesaurus } from './data/english-thesaurus';
import { type EnglishWordFrequency, sharedWordFrequency } from './data/english-word-frequency';
import { AboutTheBot } from './domain/about-the-bot';
import { ExactQuestionMatch } from './domain/exact-question-match';
import { GlossaryShortcut } from './domain/glossary-shortcut';
import type { KnowledgeBase } from './domain/knowledge-base';
import { CONTACT_ENTRY_ID, type KnowledgeEntry, type SearchableEntry, searchableTexts } from './domain/knowledge-entry';
import { CONCEPT_WEIGHT, contentStems, textStems } from './domain/match-scoring';
import type { QueryConcept } from './domain/query-concept';
import { PhrasingClassifier } from './domain/phrasing-classifier';
import { passageEntry } from './domain/passage-entries';
import { unwrapMessage } from './domain/question-preamble';
import { beforeAnAside, questionParts } from './domain/question-parts';
import {
  answerClauses,
  countsSubject,
  monthsIn,
  yearsIn,
  holdsCount,
  holdsDuration,
  holdsFrequency,
  saysWhoReplaced,
  holdsDate,
  holdsAge,
  holdsAgeOf,
  holdsMoney,
  listedItems,
  namesSomeone,
  namesThe,
  onlyNames,
  saysHow,
  speaksOfAttendance,
  unitsIn,
  givesAConclusion,
} from './domain/answer-holds';
import { type QuestionShape, acronymSubject, questionShape } from './domain/question-shape';
import type { RemitResult } from './domain/remit-result';
import { ENTRY_PROFILE, type RemitEvaluation, RemitSearch, type SearchProfile } from './domain/remit-search';
import type { SourcePassage } from './domain/source-passage';
import { SpellingCorrector } from './domain/spelling-corrector';
import { stem } from './domain/stemmer';
import { WEAK_STEMS, isStopWord } from './domain/stop-words';
import { EntryHeads, asksAboutThePanelOnly } from './domain/entry-heads';
import { KnownBodies } from './domain/known-bodies';
import { SynonymExpander } from './domain/synonym-expander';
import { normalizeText, tokenize } from './domain/text-normalizer';
import { asksWhatAMeetingDid } from '../../shared/text/meeting-record';
import { remarksOnAnAnswer } from '../../shared/text/remark-on-answer';

export type { RemitResult } from './domain/remit-result';

type Answered = Extract<RemitResult, { kind: 'answer' }>;

// Questions are a sentence or two; anything longer is pasted text, and only its start is worth reading.
const MAX_QUESTION_CHARS = 500;

/**
 * Source passages are plain text, not written to answer a question: a passage is quoted only when
 * it accounts for nearly all of the question.
 */
export const PASSAGE_PROFILE: SearchProfile = {
  fields: ['question', 'keywords', 'answer'],
  titleFields: ['question', 'keywords'],
  boost: { question: 1.5, keywords: 1, answer: 1 },
  documentBoost: () => 1,
  minCoverage: 0.85,
  minWeakOnlyCoverage: 1,
  minConfidence: 0.4,
  requireAnchor: false,
  searchWeakWords: false,
};

// A passage replaces a trusted entry only when it accounts for clearly more of the question.
const PASSAGE_COVERAGE_MARGIN = 0.1;
// A passage accounting for as much of the question replaces a trusted entry when this much more confident.
const PASSAGE_CONFIDENCE_MARGIN = 0.3;
// An entry holding this share of a passage's words is written from it.
const WRITTEN_FROM_OVERLAP = 0.6;
// A passage this confident picks the entry even over a trusted one.
const GUIDING_CONFIDENCE = 0.7;

// "Is it one of these?": entries accounting for at least this much of a declined question are offered.
const NEARBY_MIN_COVERAGE = 0.5;
const NEARBY_SHOWN = 3;
// Below this confidence an answer is given as "not sure": on questions held out of the knowledge base
// (each fold of its own alternatives asked of the rest), about one in four such answers is wrong, against
// one in thirteen above it.
const UNSURE_BELOW = 0.7;
const RUNNERS_UP_SHOWN = 2;
// How sure the entries' phrasings must be of another entry to put a confident answer in doubt.
// Held-out phrasings: confident wrong answers 40 -> 33 (0.99: 35; 0.9: 32); the tune half's 5 -> 3,
// for 7 right answers hedged (0.99: 4, for 1; 0.9: 3, for 12).
const SECOND_OPINION_CERTAINTY = 0.95;
// An entry that holds what was asked but lost on words answers only if it covers every word of the
// question, and then as "not sure" (its confidence is this share of its coverage): tune half 1 more
// right, none wrong; covering 70% let 2 must-declines through.
const WHOLE_QUESTION = 0.999;
const HOLDER_CONFIDENCE = 0.5;

// "How many care leavers": an answer with a figure of care leavers beats one with a figure of something else.
const COUNTED_FIT = 2;
// "What was the Select Committee": the entry written to say what it was beats entries that mention it.
const DEFINES_FIT = 1.5;
// "test", "just testing", "this is a test message": trying the bot out, not asking about the "my child" test.
const TEST_MESSAGE = /^(?:(?:this is|it is|just|only) )?(?:a )?(?:test|testing)(?: (?:message|msg|post|please|pls|only))?(?: \d+)*$/;
// Small talk is short: a message of more words than this has room to say what it is about.
const SMALL_TALK_WORDS = 8;
// The small words a term is made of ("Not in Education, Employment or Training", "Director of Children's Services").
const TERM_JOINERS: ReadonlySet<string> = new Set(['of', 'and', 'or', 'in', 'for', 'the', 'a', 'an']);
// "How many Conservatives are on the panel": the Select Committee's members are another body's.
const ANOTHER_BODY_FIT = 0.5;
// "Which recommendation was about merging the groups", "what was recommended on housing": one of the
// recommendations answers it, not a topic on the same subject (the merger itself).
const RECOMMENDATION_FIT = 2;
// Asks about a recommendation by its subject, not by its number (read as one "rec5" token).
const RECOMMENDATION_ASKED = /\b(?:recommend|recommends|recommended|recommending|recommendation|recommendations)\b(?! rec\d)/;
const RECOMMENDATION_SECTION = /^Recommendation \d+$/;
// A source passage is quoted beside a curated answer when it says more of what was asked than the
// answer's own words do ("was the awards event for whole families?": the minutes say who came).
// Of the passages that account for at least half of the question, the best three are weighed.
const BESIDE_MIN_COVERAGE = 0.5;
const BESIDE_CANDIDATES = 3;
// An answer using this share of a passage's content words, and all its figures, already says it
// (question set: 61 of 589 answers quote a passage beside them, against 179 without this; no
// answer judged differently).
const SAID_ALREADY = 0.8;
// Shares of a question compared as equal (they are sums of the same few weights).
const SAME_SHARE = 1e-9;
const FIGURE = /\d[\d,.]*\d%?|\d%?/g;

/**
 * What the question asks for, read once per question (not once per candidate): the years it names,
 * whether it names the panel itself, and the stems of what "how many X" counts and of what it asks to have explained.
 */
type AskedShape = QuestionShape & {
  years: readonly number[];
  months: readonly string[];
  /** Asks what a meeting did ("what was discussed at the January meeting"): only its minutes say. */
  meetingRecord: boolean;
  aboutPanelOnly: boolean;
  counted?: ReadonlySet<string>;
  explained?: ReadonlySet<string>;
  /** What the thing explained is asked to hold ("what are the recommendations in..."), as stems. */
  heldStems?: ReadonlySet<string>;
  /** For "what age is X for": the words that tell X from other bodies ("adult" of "young adult council"). */
  ageOf?: readonly string[];
  /** For "how do I ..." questions: the stems of what is to be done ("become", "councillor"). */
  toBeDone?: ReadonlySet<string>;
  /** Asks what was recommended on a subject ("which recommendation was about housing"). */
  recommendation: boolean;
};

/** A question as the search reads it (see `RemitService.read`). */
interface ReadQuestion {
  /** The message without its greeting, sign-off and the like, any introduction kept. */
  message: string;
  /** The question itself, as typed: without the introduction too. */
  text: string;
  /** Its words as typed, and as read once typos are corrected. */
  raw: readonly string[];
  tokens: readonly string[];
  shape: AskedShape;
}

interface AnswerHolds {
  count: boolean;
  /** The answer's words and their stems, for checking what a figure counts. */
  words: readonly string[];
  stems: readonly string[];
  money: boolean;
  /**
   * Where the entry says how to do something: each sentence of its answer that says how (whom to
   * contact, a form...), and each of its phrasings asked as how to ("How can I get a panel document
   * in another format?"), as stems.
   */
  howTo: readonly ReadonlySet<string>[];
  attendance: boolean;
  duration: boolean;
  frequency: boolean;
  share: boolean;
  date: boolean;
  name: boolean;
  /** How many items the answer lists. */
  items: number;
  age: boolean;
  /** The years the answer or its source speaks of. */
  years: ReadonlySet<number>;
  /** The months the answer or its source names. */
  months: ReadonlySet<string>;
  /** The months its source document names ("Minutes, 20 March 2017"): the meeting it records. */
  sourceMonths: ReadonlySet<string>;
  /** The units it speaks of ("five clear working days" -> day). */
  units: ReadonlySet<string>;
  /** Whether it gives a conclusion ("found", "rated"), not only that one was due. */
  conclusion: boolean;
}

export interface RemitServiceOptions {
  /** The documents' own paragraphs, quoted when no authored answer is confident; default: the knowledge base's. */
  passages?: readonly SourcePassage[];
  /** Entries officers added in Teams, searched like the curated ones. */
  extraEntries?: readonly SearchableEntry[];
  thesaurus?: EnglishThesaurus;
  wordFrequency?: EnglishWordFrequency;
}

/**
 * Answers a member's question about the panel's remit in their own words, or declines honestly.
 * Builds its search indexes once, in the constructor: authored entries first, the source
 * documents' passages as a fallback that is quoted verbatim with its citation.
 */
export class RemitService {
  private readonly byId = new Map<string, KnowledgeEntry>();
  private readonly exact: ExactQuestionMatch;
  private readonly shortcut: GlossaryShortcut;
  private readonly entries: RemitSearch;
  private readonly passages?: RemitSearch;
  private readonly speller: SpellingCorrector;
  private readonly expander: SynonymExpander;
  private readonly isEnglishWord: (word: string) => boolean;
  // The latest year any answer or passage speaks of: a question about a later year is about what they cannot know.
  private readonly latestYear: number;
  private readonly bodies: KnownBodies;
  private readonly answerStems = new Map<string, ReadonlySet<string>>();
  private readonly spoken = new Map<string, ReadonlySet<string>>();
  private readonly answerHolds = new Map<string, AnswerHolds>();
  // The stems of an answer's text and of each of its lines, worked out once (answers do not change).
  private readonly textStemsOf = new Map<string, ReadonlySet<string>>();
  private readonly answerTextStems = (text: string): ReadonlySet<string> => kept(this.textStemsOf, text, () => textStems(text));
  private readonly heads: EntryHeads;
  private readonly aboutTheBot: AboutTheBot;
  private readonly phrasings: PhrasingClassifier;

  constructor(knowledge: KnowledgeBase, options: RemitServiceOptions = {}) {
    const thesaurus = options.thesaurus ?? sharedThesaurus();
    this.isEnglishWord = (word) => isStopWord(word) || thesaurus.isEnglish(stem(word));
    const searchable = [...knowledge.searchableEntries(), ...(options.extraEntries ?? [])];
    for (const s of searchable) this.byId.set(s.entry.id, s.entry);
    const acronymGroups = searchable.filter((s) => s.meaning !== undefined).map((s) => [...s.acronyms, s.meaning ?? '']);
    const frequency = options.wordFrequency ?? sharedWordFrequency();
    // WordNet lists lemmas ("become"); the spoken-English list also knows "became", "went", "thought".
    const isEnglish = (word: string) => thesaurus.isEnglish(stem(word)) || frequency.rank(word) !== undefined;
    const expander = (this.expander = new SynonymExpander([...knowledge.synonymGroups(), ...acronymGroups], {
      thesaurus,
      wordRank: (word) => frequency.rank(word),
      isEnglish,
    }));
    this.aboutTheBot = new AboutTheBot(
      searchable.flatMap((s) => s.keywords),
      (word) => frequency.rank(word),
    );
    this.exact = new ExactQuestionMatch(searchable);
    this.shortcut = new GlossaryShortcut(searchable);
    this.entries = new RemitSearch(searchable, expander, ENTRY_PROFILE);
    const passageEntries = (options.passages ?? knowledge.passages()).map(passageEntry);
    this.heads = new EntryHeads(searchable, passageEntries);
    if (passageEntries.length > 0) this.passages = new RemitSearch(passageEntries, expander, PASSAGE_PROFILE);
    this.latestYear = latestYearIn([...searchable.map((s) => s.entry.answer), ...passageEntries.map((p) => p.entry.answer)]);
    // Read once for both the speller's word counts and the bodies the documents name.
    const tokenized = [...searchable, ...passageEntries].flatMap(searchableTexts).map((text) => tokenize(text));
    const glossary = searchable.flatMap((s) => s.acronyms.map((acronym) => ({ acronym, meaning: s.meaning ?? '' })));
    this.bodies = new KnownBodies(tokenized, glossary);
    expander.useIndex((term) => this.entries.holds(term) || (this.passages?.holds(term) ?? false));
    this.speller = new SpellingCorrector({
      words: wordFrequencies([
        ...tokenized,
        ...knowledge
          .synonymGroups()
          .flat()
          .map((text) => tokenize(text)),
      ]),
      isEnglish,
    });
    // Last: the phrasings are read as questions are, typos corrected and synonyms known.
    this.phrasings = PhrasingClassifier.train(
      searchable.flatMap((s) => [s.entry.question, ...s.alternatives].map((text) => ({ id: s.entry.id, terms: this.termsRead(text) }))),
    );
  }

  // The search terms of a phrasing's concepts, past the words that only say what kind of answer is
  // wanted. Its words only: the shape a question is read in is not needed to learn from it.
  private termsRead(text: string): string[] {
    const words = this.wordsOf(text);
    return words ? termsOf(this.expander.concepts(words.tokens)) : [];
  }

  /**
   * Any text is accepted (empty, pasted pages, emoji): the worst outcome is an honest "I don't know".
   * A message asking two questions ("who chairs the panel and where does it meet?") is answered as
   * a whole, and the other part's own answer is offered beside it. When the whole is declined, or
   * only just won, and each part is answered with confidence on its own by another entry (two
   * unrelated facts rarely share one entry), the first part's answer is given with the second's
   * beside it; otherwise a part answered on its own is offered first.
   */
  answer(question: string): RemitResult {
    const read = this.read(question);
    const whole = this.answerRead(read);
    const parts = read ? questionParts(read.text) : [];
    if (parts.length < 2) return whole;
    if (whole.kind === 'answer') {
      // The whole is mostly answered as its first part is: the second part is searched first, the first only if need be.
      const second = this.confidentAnswerOtherThan(parts[1]!, whole.entry);
      // A confident whole keeps its answer: the first part is then searched only if the second found nothing.
      const first = whole.unsure || !second ? this.confidentAnswerOtherThan(parts[0]!, whole.entry) : undefined;
      // A whole that only just won, each part answered with confidence by another entry: the whole's answer spans the two.
      if (whole.unsure && first && second && first.entry.id !== second.entry.id) return { ...first, alsoAsked: second.entry };
      const other = second?.entry ?? first?.entry;
      return other ? { ...whole, alsoAsked: other } : whole;
    }
    const answeredParts = parts
      .map((part) => this.answerRead(this.read(part), { quotes: false }))
      .filter((r): r is Answered => r.kind === 'answer' && !r.unsure);
    const [first, second] = answeredParts;
    if (first && second && answeredParts.length === parts.length) {
      return second.entry.id === first.entry.id ? first : { ...first, alsoAsked: second.entry };
    }
    const offered = distinctById([...answeredParts.map((r) => r.entry), ...(whole.nearby ?? [])]).slice(0, NEARBY_SHOWN);
    return offered.length > 0 ? { ...whole, nearby: offered } : whole;
  }

  /**
   * "Any news?", "that is wrong", "show me everything": a short message whose one word of substance
   * is among the commonest of spoken English says nothing of the panel (greetings and sign-offs do
   * not count). A longer one ("as the police rep on the panel, what am I supposed to do?") has said
   * what it is about before it.
   */
  private isSmallTalk(read: ReadQuestion, conceptsOf: () => readonly QueryConcept[]): boolean {
    // The question is never longer than its message: most are ruled out before the message is read again.
    if (read.tokens.length > SMALL_TALK_WORDS) return false;
    const messageWords = tokenize(read.message);
    if (messageWords.length > SMALL_TALK_WORDS) return false;
    if (TEST_MESSAGE.test(messageWords.join(' '))) return true;
    const concepts = conceptsOf().filter((c) => c.strength !== 'intent');
    const [only] = concepts;
    if (concepts.length !== 1 || only?.strength !== 'strong' || !this.expander.isEverydayWord(only)) return false;
    // "Where do you meet?": an everyday word an entry is about is the panel's business.
    return ![...only.terms.keys()].some((term) => this.heads.isHeadWord(stem(term)));
  }

  private confidentAnswerOtherThan(part: string, answered: KnowledgeEntry): Answered | undefined {
    const result = this.answerRead(this.read(part), { quotes: false });
    return result.kind === 'answer' && !result.unsure && result.entry.id !== answered.id ? result : undefined;
  }

  /** `quotes: false`: curated entries only (a part of a message is offered as an entry's own question, never a quote). */
  private answerRead(read: ReadQuestion | undefined, options: { quotes: boolean } = { quotes: true }): RemitResult {
    if (!read) return { kind: 'unknown', reason: 'empty' };
    const { raw, tokens, shape } = read;

    // The bot answers questions about the panel; it does not do the member's paperwork.
    if (shape.taskRequest) return { kind: 'unknown', reason: 'off_topic' };
    // "What is your name?": said to the bot, not asked about the panel.
    if (this.aboutTheBot.asks(tokens)) return { kind: 'unknown', reason: 'off_topic' };
    // Read once, when first needed: the small-talk check, the entries, the passages and the passage quoted beside an answer all weigh them.
    let concepts: readonly QueryConcept[] | undefined;
    const conceptsOf = () => (concepts ??= this.expander.concepts(tokens));
    if (this.isSmallTalk(read, conceptsOf) || remarksOnAnAnswer(read.message)) return { kind: 'unknown', reason: 'off_topic' };
    // "Who sits on the fostering panel?": another body, which the panel's documents do not describe.
    if (this.bodies.namesAnother(tokens)) return { kind: 'unknown', reason: 'off_topic' };
    const known =
      this.exact.match(raw) ??
      this.exact.match(tokens) ??
      this.shortcut.match(tokens) ??
      this.shortcut.meaningAsked(tokens) ??
      this.shortcut.sameThingAsked(tokens) ??
      this.acronymAskedBeforeAnAside(read.text);
    if (known) return this.answerWith(known, 1);
    const definition = this.glossaryDefinitionAsked(shape, tokens);
    if (definition) return this.answerWith(definition, 1);
    if (shape.acronymFrame) {
      const acronym = this.shortcut.find(tokens);
      if (acronym) return this.answerWith(acronym, 1);
      if (acronymSubject(tokens).length === 1) return { kind: 'unknown', reason: 'unknown_acronym' };
    }
    const fit = (entry: KnowledgeEntry) => this.fit(entry, shape);
    const searched = conceptsOf();
    const fromEntries = this.entries.evaluate(searched, fit);
    // The documents date from 2015-2017: today's figures and post holders are an officer's to give.
    // What the documents said then is still offered.
    if (shape.aboutNow || this.asksAfterTheDocuments(shape)) return this.declined('about_now', fromEntries, shape);

    const passages = options.quotes ? this.passages : undefined;
    const fromPassages = this.passagesCouldWin(fromEntries) ? passages?.evaluate(searched, fit) : undefined;
    const chosen = choose(fromEntries, fromPassages, (entry, passage) => this.overlap(entry, passage));
    if (!chosen && fromEntries.kind === 'none' && (fromPassages?.kind ?? 'none') === 'none')
      return { kind: 'unknown', reason: 'off_topic' };
    if (!chosen) return this.declined('low_confidence', fromEntries, shape);
    if (!this.fitsShape(chosen.entry, shape)) {
      const holder =
        this.holderOfWhatWasAsked(fromEntries, shape) ?? this.passageHolding(fromPassages ?? passages?.evaluate(searched, fit), shape);
      return holder ? this.chosenAnswer(holder, fromEntries, shape) : this.declined('low_confidence', fromEntries, shape);
    }
    const answered = this.withSecondOpinion(this.chosenAnswer(chosen, fromEntries, shape), searched, fromEntries, shape);
    if (!passages || chosen.entry.kind === 'passage') return answered;
    const passage = this.passageBeside(chosen.entry, fromPassages ?? passages.evaluate(searched, fit), searched, shape);
    return passage ? { ...answered, passage } : answered;
  }

  /**
   * The source passage that says more of what was asked than the answer's own words, if any; or
   * one saying as much that is the paragraph the answer was written from (its section), or of its
   * document when a figure, a date, a name or the document's words are asked for: the curated
   * answer may give the share where the document gives the count ("81.3% of 1,378 children"), or
   * leave out the detail asked about ("was the celebration for whole families?").
   */
  private passageBeside(
    answer: KnowledgeEntry,
    fromPassages: RemitEvaluation,
    concepts: readonly QueryConcept[],
    shape: AskedShape,
  ): KnowledgeEntry | undefined {
    if (fromPassages.kind !== 'match') return undefined;
    const answerSays = this.shareSaid(answer, concepts);
    // A figure, a date or a name, or the document's own words: a passage saying as much is quoted too.
    const asksForAFact = shape.wants !== 'any' || shape.identity || shape.share || shape.documentWords;
    return fromPassages.candidates.slice(0, BESIDE_CANDIDATES).find((candidate) => {
      if (candidate.coverage < BESIDE_MIN_COVERAGE || !this.fitsShape(candidate.entry, shape)) return false;
      // A paragraph the answer already says nearly word for word (a recommendation's text) adds nothing.
      if (this.saysAlready(answer, candidate.entry)) return false;
      const passageSays = this.shareSaid(candidate.entry, concepts);
      const sameDocument = candidate.entry.source.document === answer.source.document;
      // Saying as much is enough for the paragraph the answer was written from (its own section),
      // or, when a figure, a date, a name or the document's words are asked for, its document.
      const saysAsMuch = passageSays >= answerSays - SAME_SHARE && (sameSection(candidate.entry, answer) || (asksForAFact && sameDocument));
      return passageSays > answerSays + SAME_SHARE || saysAsMuch;
    })?.entry;
  }

  /**
   * The share of the question's concepts (weighted as for coverage: intent words not at all) that
   * an entry's answer itself uses, or its section's name ("what does the foreword say": the
   * passage is the foreword).
   */
  private shareSaid(entry: KnowledgeEntry, concepts: readonly QueryConcept[]): number {
    const stems = this.spokenStems(entry);
    let total = 0;
    let said = 0;
    for (const concept of concepts) {
      const weight = CONCEPT_WEIGHT[concept.strength];
      total += weight;
      for (const term of concept.terms.keys()) {
        if (stems.has(term) || stems.has(stem(term))) {
          said += weight;
          break;
        }
      }
    }
    return total === 0 ? 0 : said / total;
  }

  /**
   * The passage quoted beside the answer to this question, when the answer is still this entry
   * (a card rebuilt after feedback keeps what it showed).
   */
  passageBesideAnswer(question: string, entryId: string): KnowledgeEntry | undefined {
    const result = this.answer(question);
    return result.kind === 'answer' && result.entry.id === entryId ? result.passage : undefined;
  }

  /**
   * "What is an Independent Reviewing Officer?", "Special Guardianship Order - what is it?": what
   * an acronym stands for, asked to be explained, and no topic is written to explain it. The
   * glossary says what it is; a topic that mentions it (the IRO film) does not.
   */
  private glossaryDefinitionAsked(shape: AskedShape, tokens: readonly string[]): KnowledgeEntry | undefined {
    if (shape.detailOf !== undefined) return undefined;
    // "Special Guardianship Orders?": the term alone is asked to be explained too.
    const subject = shape.explained ?? (tokens.every((t) => !isStopWord(t) || TERM_JOINERS.has(t)) ? contentStems(tokens) : undefined);
    if (subject === undefined) return undefined;
    // An acronym with everyday words only when asked to be explained: "JSNA and children in care",
    // typed on its own, asks about the two together.
    return this.onlyGlossaryDefining(subject) ?? this.acronymWithEverydayWords(shape);
  }

  /**
   * "Whats an SGO - came up under the adoption item": what an acronym stands for, asked before a
   * dash or comma and an aside that asks nothing more.
   */
  private acronymAskedBeforeAnAside(text: string): KnowledgeEntry | undefined {
    const asked = beforeAnAside(text);
    if (asked === undefined) return undefined;
    // The glossary lookup first: reading the shape is the dearer test, and most asides hold no acronym.
    const acronym = this.shortcut.match(tokenize(asked));
    if (!acronym) return undefined;
    const shape = questionShape(asked);
    return shape.explains !== undefined || shape.acronymFrame ? acronym : undefined;
  }

  private onlyGlossaryDefining(subject: ReadonlySet<string>): KnowledgeEntry | undefined {
    const definers = this.heads.definers(subject).map((id) => this.byId.get(id));
    const [first] = definers;
    return first?.kind === 'glossary' && definers.every((e) => e === first) ? first : undefined;
  }

  // "What's a NEET young person?", "what is a CAMHS child": an acronym with words every entry shares.
  private acronymWithEverydayWords(shape: AskedShape): KnowledgeEntry | undefined {
    if (shape.explained === undefined || shape.explains === undefined) return undefined;
    const telling = new Set([...shape.explained].filter((s) => !WEAK_STEMS.has(s)));
    if (telling.size !== 1 || telling.size === shape.explained.size) return undefined;
    const entry = this.onlyGlossaryDefining(telling);
    // The one telling word is the acronym itself, as typed (its stem may not be: "camhs" -> "camh").
    return entry && this.shortcut.find(tokenize(shape.explains)) === entry ? entry : undefined;
  }

  /**
   * The member said an answer did not help: the other entries that came close to their question
   * (up to two), to offer beside "Ask an officer". None for a question that is no longer read as
   * anything.
   */
  runnersUp(question: string, answered: string): KnowledgeEntry[] {
    const read = this.read(question);
    if (!read) return [];
    const fit = (entry: KnowledgeEntry) => this.fit(entry, read.shape);
    return this.closeTo(this.entries.evaluate(this.expander.concepts(read.tokens), fit), read.shape, RUNNERS_UP_SHOWN, answered);
  }

  // The question as the search reads it: without a self-introduction, typos corrected, its shape.
  private read(question: string): ReadQuestion | undefined {
    const words = this.wordsOf(question);
    return words && { ...words, shape: this.asked(words.corrected, words.tokens) };
  }

  // The question's words, typos corrected; its shape is read from `corrected` by `read`.
  private wordsOf(question: string): (Omit<ReadQuestion, 'shape'> & { corrected: string }) | undefined {
    const { message, question: text } = unwrapMessage(question.slice(0, MAX_QUESTION_CHARS));
    const raw = tokenize(text);
    if (raw.length === 0) return undefined;
    const { text: corrected, tokens } = this.corrected(text, raw);
    return { message, text, raw, tokens, corrected };
  }

  /**
   * No answer is given: the entries that came close, of the kind the question asks for, are offered
   * for the member to pick from. A question worded unlike any entry is often one of them.
   */
  private declined(reason: 'low_confidence' | 'about_now', fromEntries: RemitEvaluation, shape: AskedShape): RemitResult {
    const nearby = this.closeTo(fromEntries, shape, NEARBY_SHOWN);
    return nearby.length > 0 ? { kind: 'unknown', reason, nearby } : { kind: 'unknown', reason };
  }

  // An answer that only just won is given with the runners-up beside it, for the member to judge.
  private chosenAnswer(chosen: { entry: KnowledgeEntry; confidence: number }, fromEntries: RemitEvaluation, shape: AskedShape): Answered {
    const answer = this.answerWith(chosen.entry, chosen.confidence);
    if (chosen.confidence >= UNSURE_BELOW) return answer;
    const nearby = this.closeTo(fromEntries, shape, RUNNERS_UP_SHOWN, chosen.entry.id);
    return nearby.length > 0 ? { ...answer, unsure: true, nearby } : { ...answer, unsure: true };
  }

  /**
   * A confident answer is given as "not sure" when the entries' own phrasings say, nearly for
   * certain, that members asking in these words mean another entry, which is then offered first
   * beside it: the words matched, but not the way members ask for this entry.
   */
  private withSecondOpinion(
    answered: Answered,
    concepts: readonly QueryConcept[],
    fromEntries: RemitEvaluation,
    shape: AskedShape,
  ): Answered {
    if (answered.unsure || answered.entry.kind === 'passage') return answered;
    const opinion = this.phrasings.likeliest(termsOf(concepts));
    if (!opinion || opinion.id === answered.entry.id || opinion.probability < SECOND_OPINION_CERTAINTY) return answered;
    const preferred = this.byId.get(opinion.id);
    const closeBy = this.closeTo(fromEntries, shape, RUNNERS_UP_SHOWN, answered.entry.id);
    const nearby = distinctById([...(preferred ? [preferred] : []), ...closeBy]).slice(0, RUNNERS_UP_SHOWN);
    return { ...answered, unsure: true, nearby };
  }

  /**
   * The best match by words does not hold what was asked ("how many recommendations were there":
   * each recommendation's own entry, and no count). An entry further down that covers every word
   * of the question and holds it (the report's findings: "It made 15 recommendations") answers,
   * as "not sure": it did not win on words.
   */
  private holderOfWhatWasAsked(fromEntries: RemitEvaluation, shape: AskedShape): { entry: KnowledgeEntry; confidence: number } | undefined {
    // A length of time in an answer that lost on words is rarely the length asked about ("how long is
    // a meeting": "their service over the past four years").
    if (fromEntries.kind !== 'match' || shape.duration) return undefined;
    const holder = fromEntries.candidates.find(
      (c) => c.anchored && c.coverage >= WHOLE_QUESTION && c.entry.kind !== 'passage' && this.fitsShape(c.entry, shape),
    );
    return holder && { entry: holder.entry, confidence: holder.coverage * HOLDER_CONFIDENCE };
  }

  /**
   * "How many training events did Staffordshire hold": the entry written from the passage that
   * answers it leaves out the figure ("innovative training events"); the passage itself, trusted on
   * its own, says "two innovative training events" and is quoted.
   */
  private passageHolding(
    fromPassages: RemitEvaluation | undefined,
    shape: AskedShape,
  ): { entry: KnowledgeEntry; confidence: number } | undefined {
    // Only a figure or a date is looked for there: a passage is not judged on what it explains or whom it names.
    const asksForAFigure = shape.wants === 'count' || shape.wants === 'date' || shape.money;
    if (!asksForAFigure || shape.explained !== undefined || shape.identity) return undefined;
    if (fromPassages?.kind !== 'match' || !fromPassages.trusted || !this.fitsShape(fromPassages.match.entry, shape)) return undefined;
    return fromPassages.match;
  }

  /** Authored entries (not passages, not the contact every decline shows) that came close to answering. */
  private closeTo(fromEntries: RemitEvaluation, shape: AskedShape, count: number, except?: string): KnowledgeEntry[] {
    if (fromEntries.kind !== 'match') return [];
    return fromEntries.candidates
      .filter(
        (c) =>
          c.anchored &&
          c.coverage >= NEARBY_MIN_COVERAGE &&
          c.entry.kind !== 'passage' &&
          c.entry.id !== CONTACT_ENTRY_ID &&
          c.entry.id !== except &&
          this.fitsShape(c.entry, shape),
      )
      .slice(0, count)
      .map((c) => c.entry);
  }

  /**
   * The question with its misspelt words corrected against the documents' own words, read again
   * from the corrected text: "recomendaton 5" becomes "recommendation 5" and then the one token for
   * Recommendation 5, and "what was the select comittee" is read as asking what the committee was.
   */
  private corrected(text: string, raw: readonly string[]): { text: string; tokens: readonly string[] } {
    const corrections = new Map<string, string>();
    for (const token of raw) {
      const correct = isStopWord(token) ? token : this.speller.correct(token);
      if (correct !== token) corrections.set(token, correct);
    }
    if (corrections.size === 0) return { text, tokens: raw };
    const correctedText = normalizeText(text).replace(/[a-z0-9]+/g, (word) => corrections.get(word) ?? word);
    return { text: correctedText, tokens: tokenize(correctedText) };
  }

  /** "How many children were in care in 2024?": a year after everything the documents say. */
  private asksAfterTheDocuments(shape: AskedShape): boolean {
    return shape.years.some((year) => year > this.latestYear);
  }

  /** The answer uses nearly every word of the passage, and every figure of it. */
  private saysAlready(answer: KnowledgeEntry, passage: KnowledgeEntry): boolean {
    if (this.overlap(answer, passage) < SAID_ALREADY) return false;
    const figures = passage.answer.match(FIGURE) ?? [];
    return figures.every((figure) => answer.answer.includes(figure));
  }

  /** The share of a passage's content words that an entry's answer also uses. */
  private overlap(entry: KnowledgeEntry, passage: KnowledgeEntry): number {
    const passageStems = this.stemsOf(passage);
    if (passageStems.size === 0) return 0;
    const entryStems = this.stemsOf(entry);
    let shared = 0;
    for (const s of passageStems) if (entryStems.has(s)) shared++;
    return shared / passageStems.size;
  }

  // The stems of an entry's answer and of its section's name, worked out once per entry.
  private spokenStems(entry: KnowledgeEntry): ReadonlySet<string> {
    return kept(this.spoken, entry.id, () => new Set([...this.stemsOf(entry), ...textStems(entry.source.section)]));
  }

  private stemsOf(entry: KnowledgeEntry): ReadonlySet<string> {
    return kept(this.answerStems, entry.id, () =>
      contentStems(tokenize(entry.kind === 'passage' ? entry.answer.replace(/^[^:]*:/, '') : entry.answer)),
    );
  }

  /** How well an answer is of the kind the question asks for: ranks figures for "how many", names for "who is". */
  private fit(entry: KnowledgeEntry, shape: AskedShape): number {
    const defines = shape.explained !== undefined && this.heads.defines(entry.id, shape.explained);
    let fit = defines ? DEFINES_FIT : 1;
    if (this.aboutAnotherBody(entry, shape)) fit *= ANOTHER_BODY_FIT;
    if (shape.recommendation && RECOMMENDATION_SECTION.test(entry.source.section)) fit *= RECOMMENDATION_FIT;
    if (shape.wants === 'any' && !shape.share && !shape.identity && entry.kind !== 'glossary') return fit;
    const holds = this.holdsOf(entry);
    if (shape.wants === 'count') fit *= holds.count ? 1.5 : 0.6;
    if (shape.counted) fit *= countsSubject(holds.words, holds.stems, shape.counted) ? COUNTED_FIT : 1 / COUNTED_FIT;
    if (shape.share && holds.share) fit *= 1.5;
    if (shape.wants === 'date') fit *= holds.date ? 1.3 : 0.8;
    if (shape.identity) fit *= holds.name ? 1.5 : 0.5;
    // Only "what does X stand for" (or "what is <what X stands for>") is a question for the glossary; otherwise a topic using X answers it.
    if (entry.kind === 'glossary' && !shape.acronymFrame && !defines) fit *= 0.5;
    return fit;
  }

  // A question about the panel is not answered by an entry about the Select Committee's own make-up.
  private aboutAnotherBody(entry: KnowledgeEntry, shape: AskedShape): boolean {
    return shape.aboutPanelOnly && this.heads.aboutSelectCommittee(entry.id);
  }

  /**
   * "How many" wants a figure, "who is the ..." a name, "how do I join" how to: an answer without
   * one is not the answer, however well it matched. Nor is an answer that only lists what an
   * "explain X" question asks about ("what is permanence planning?"), one that only mentions what
   * a question asks the workings of, or one about the Select Committee asked about the panel.
   */
  private fitsShape(entry: KnowledgeEntry, shape: AskedShape): boolean {
    const holds = this.holdsOf(entry);
    if (shape.wants === 'count' && !holds.count) return false;
    if (shape.counted && !countsSubject(holds.words, holds.stems, shape.counted)) return false;
    if (shape.money && !holds.money) return false;
    if (shape.procedure && !saysHowToDo(holds.howTo, shape.toBeDone)) return false;
    if (shape.attendance && !holds.attendance) return false;
    if (shape.duration && !holds.duration) return false;
    if (shape.frequency && !holds.frequency) return false;
    if (shape.identity && !holds.name) return false;
    if (shape.listed !== undefined && holds.items < shape.listed) return false;
    if (shape.age && !holds.age) return false;
    if (shape.unit !== undefined && !holds.units.has(shape.unit)) return false;
    if (shape.conclusion && !holds.conclusion) return false;
    if (shape.ageOf !== undefined && !holdsAgeOf(entry.answer, shape.ageOf)) return false;
    if (shape.replaced !== undefined && !saysWhoReplaced(entry.answer, shape.replaced)) return false;
    if (shape.nameOf !== undefined && !namesThe(entry.answer, shape.nameOf, this.answerTextStems, this.isEnglishWord)) return false;
    if (this.aboutAnotherBody(entry, shape)) return false;
    // "What did the 2016 fostering review find": an answer that never speaks of 2016 is about something else.
    if (!shape.years.every((year) => holds.years.has(year))) return false;
    // Nor is one that never names the month asked about ("the June 2017 meeting").
    if (!shape.months.every((month) => holds.months.has(month))) return false;
    // What the meeting of a month did is in that meeting's minutes, not in an answer that mentions its date.
    if (shape.meetingRecord && !shape.months.every((month) => holds.sourceMonths.has(month))) return false;
    if (shape.explained === undefined || entry.kind !== 'topic') return true;
    if (shape.detailOf !== undefined && !this.explainsWhatWasAsked(entry, shape.explained, shape.heldStems)) return false;
    return !onlyNames(entry.answer, [...shape.explained], this.answerTextStems);
  }

  // A detail question's subject is what it asks to have explained: its workings ("how does X work")
  // from an entry about X, what X holds ("what does the pledge promise") from one written to say.
  private explainsWhatWasAsked(entry: KnowledgeEntry, subject: ReadonlySet<string>, held: ReadonlySet<string> | undefined): boolean {
    if (held === undefined) return this.heads.isAbout(entry.id, subject);
    return this.heads.saysWhatItHolds(entry.id, subject, held);
  }

  private asked(text: string, tokens: readonly string[]): AskedShape {
    const shape = questionShape(text);
    const normalized = normalizeText(text);
    return {
      ...shape,
      years: yearsIn(text),
      months: monthsIn(text),
      // A meeting's minutes are agreed at the next one: "were the January minutes agreed" is the March record.
      meetingRecord: asksWhatAMeetingDid(normalized) && /\b(?:meeting|panel|cpp)\b/.test(normalized) && !/\bminutes\b/.test(normalized),
      aboutPanelOnly: asksAboutThePanelOnly(tokens),
      // "How many recommendations were there" counts them all: the findings say.
      recommendation: shape.wants !== 'count' && RECOMMENDATION_ASKED.test(normalized),
      ...(shape.procedure ? { toBeDone: new Set([...textStems(text)].filter((s) => !WEAK_STEMS.has(s))) } : {}),
      ...(shape.wants === 'count' && shape.counts ? { counted: this.countedStems(shape.counts) } : {}),
      ...(shape.explains !== undefined ? { explained: textStems(shape.explains) } : {}),
      ...(shape.held !== undefined ? { heldStems: textStems(shape.held) } : {}),
      ...(shape.age && shape.explains !== undefined ? { ageOf: tellingWords(shape.explains) } : {}),
    };
  }

  // "How many councillors" is answered by "nine KCC members": what is counted, in any of its words.
  // A particular word's everyday parts ("children", of "unaccompanied asylum seeking children") are not
  // what it counts: "55 children" is no count of UASC. "How many children" still counts children.
  private countedStems(counted: string): ReadonlySet<string> {
    const stems = new Set<string>();
    for (const concept of this.expander.concepts(tokenize(counted)))
      for (const term of concept.terms.keys()) if (concept.strength === 'weak' || !WEAK_STEMS.has(stem(term))) stems.add(stem(term));
    return stems;
  }

  // What kinds of fact an answer holds, worked out once per entry (answers do not change).
  private holdsOf(entry: KnowledgeEntry): AnswerHolds {
    return kept(this.answerHolds, entry.id, () => {
      const words = tokenize(entry.answer);
      const withSource = `${entry.answer} ${entry.source.document} ${entry.source.section}`;
      return {
        count: holdsCount(entry.answer),
        words,
        stems: words.map(stem),
        money: holdsMoney(entry.answer),
        howTo: [...sentencesSayingHow(entry.answer), ...this.heads.asksHowTo(entry.id)],
        attendance: speaksOfAttendance(entry.answer),
        duration: holdsDuration(entry.answer),
        frequency: holdsFrequency(entry.answer),
        share: /%|per cent|proportion|a quarter/.test(entry.answer),
        date: holdsDate(entry.answer),
        name: namesSomeone(entry.answer, this.isEnglishWord),
        items: listedItems(entry.answer),
        age: holdsAge(entry.answer),
        years: new Set(yearsIn(withSource)),
        months: new Set(monthsIn(withSource)),
        sourceMonths: new Set(monthsIn(entry.source.document)),
        units: unitsIn(entry.answer),
        conclusion: givesAConclusion(entry.answer),
      };
    });
  }

  // A passage can only replace a trusted entry that leaves part of the question unanswered.
  private passagesCouldWin(fromEntries: RemitEvaluation): boolean {
    return !(fromEntries.kind === 'match' && fromEntries.trusted && fromEntries.match.coverage + PASSAGE_COVERAGE_MARGIN >= 1);
  }

  /** An entry by id (curated, officer-authored or a passage is not included: passages have no buttons). */
  entry(id: string): KnowledgeEntry | undefined {
    return this.byId.get(id);
  }

  private answerWith(entry: KnowledgeEntry, confidence: number): Answered {
    const related = entry.related.map((id) => this.byId.get(id)).filter((e): e is KnowledgeEntry => e !== undefined);
    return { kind: 'answer', entry, confidence, related };
  }
}

/**
 * Entries first; a source passage when no entry is trusted, or when it accounts for clearly more of
 * the question. Short passages pin a question down better than long entries, so a confident passage
 * also picks among the entries: the best-ranked entry written from that passage (same section, or
 * most of its words) is answered instead of the quote. Curated words beat a raw quote.
 */
function choose(
  fromEntries: RemitEvaluation,
  fromPassages: RemitEvaluation | undefined,
  overlap: (entry: KnowledgeEntry, passage: KnowledgeEntry) => number,
): { entry: KnowledgeEntry; confidence: number } | undefined {
  const passage = fromPassages?.kind === 'match' && fromPassages.trusted ? fromPassages.match : undefined;
  const entry = fromEntries.kind === 'match' && fromEntries.trusted ? fromEntries.match : undefined;
  if (passage && fromEntries.kind === 'match') {
    const eligible = fromEntries.candidates.filter(
      (c) => c.coverage >= ENTRY_PROFILE.minCoverage && c.coverage + PASSAGE_COVERAGE_MARGIN >= passage.coverage,
    );
    const bySimilarity = (candidates: typeof eligible) =>
      [...candidates].sort((a, b) => overlap(b.entry, passage.entry) - overlap(a.entry, passage.entry));
    const writtenFrom =
      bySimilarity(eligible.filter((c) => sameSection(c.entry, passage.entry)))[0] ??
      eligible.find((c) => overlap(c.entry, passage.entry) >= WRITTEN_FROM_OVERLAP);
    if (writtenFrom && (!entry || (passage.confidence >= GUIDING_CONFIDENCE && writtenFrom.entry.id !== entry.entry.id))) {
      return { entry: writtenFrom.entry, confidence: Math.min(passage.confidence, writtenFrom.coverage) };
    }
  }
  if (entry && passage && passage.coverage > entry.coverage + PASSAGE_COVERAGE_MARGIN) return passage;
  // As much of the question, and one passage stands out where several entries were close: the quote says it.
  if (entry && passage && passage.coverage >= entry.coverage && passage.confidence >= entry.confidence + PASSAGE_CONFIDENCE_MARGIN)
    return passage;
  return entry ?? passage;
}

function sameSection(entry: KnowledgeEntry, passage: KnowledgeEntry): boolean {
  return passage.source.document === entry.source.document && passage.source.section === entry.source.section;
}

// The words of a subject that tell it from others: "young adult council" is told by "adult".
function tellingWords(subject: string): string[] {
  return tokenize(subject).filter((word) => !isStopWord(word) && !WEAK_STEMS.has(stem(word)) && /^[a-z]+$/.test(word));
}

/** The value kept for a key, made the first time it is asked for (what is kept never changes). */
function kept<K, V>(store: Map<K, V>, key: K, make: () => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
}

// Each entry once, in the order first offered.
function distinctById(entries: readonly KnowledgeEntry[]): KnowledgeEntry[] {
  return entries.filter((entry, i) => entries.findIndex((e) => e.id === entry.id) === i);
}

function termsOf(concepts: readonly QueryConcept[]): string[] {
  return [...new Set(concepts.filter((c) => c.strength !== 'intent').flatMap((c) => [...c.terms.keys()]))];
}

function latestYearIn(texts: readonly string[]): number {
  return texts.flatMap(yearsIn).reduce((latest, year) => Math.max(latest, year), 0);
}

/**
 * "How do I become a councillor" is answered by an entry that says how to do that: a sentence that
 * says how and names what is to be done, or a phrasing of the entry asking how to do it. A sentence
 * saying how to do something else (how the council becomes a corporate parent; whom to email for
 * large print) does not answer it.
 */
function saysHowToDo(howTo: readonly ReadonlySet<string>[], toBeDone: ReadonlySet<string> | undefined): boolean {
  if (howTo.length === 0) return false;
  if (!toBeDone || toBeDone.size === 0) return true;
  // What is done comes first ("become" of "become a councillor"); one other word shared is not enough:
  // "drawn from elected councillors" says how a chair is chosen, not how to become a councillor.
  const [doing] = toBeDone;
  return howTo.some((place) => place.has(doing!) || [...toBeDone].filter((s) => place.has(s)).length >= 2);
}

function sentencesSayingHow(answer: string): ReadonlySet<string>[] {
  return answerClauses(answer)
    .filter((sentence) => saysHow(sentence))
    .map(textStems);
}

/** How often each word occurs in what is indexed: spelling correction prefers the commoner of two candidates. */
function wordFrequencies(texts: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  // Small words too: "queston" is "question" (then read as a small word), "thier" is "their".
  for (const tokens of texts) for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
