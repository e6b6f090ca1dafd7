import { MEASURE_UNITS } from './answer-holds';
import { stem } from './stemmer';
import { WEAK_STEMS, isStopWord } from './stop-words';
import { asksWhatItIsCalled, normalizeText, withoutCalled } from './text-normalizer';

/** What kind of answer a question wants: a count or share, a date, a person or body, or anything. */
export type AnswerWanted = 'count' | 'date' | 'person' | 'any';

export interface QuestionShape {
  wants: AnswerWanted;
  /** A count asked as a share: "what percentage", "what proportion", "what % of". */
  share: boolean;
  /** "Who is the leader of the council": asks who holds a post, so the answer must name someone. */
  identity: boolean;
  /**
   * The question asks how things are now ("how many children are in care today", "who is the
   * current chair"). The panel's documents are dated, so such questions go to an officer.
   */
  aboutNow: boolean;
  /** "what does X stand for", "full form of X": the subject is an acronym, answered by the glossary or not at all. */
  acronymFrame: boolean;
  /**
   * "Review my report", "draft this e-mail", "fix our spreadsheet": a job for an assistant on the
   * member's own work, not a question about the panel, however panel-like its words.
   */
  taskRequest: boolean;
  /** "What is the panel's budget", "how much do foster carers get paid": asks for money, so the answer must speak of money. */
  money: boolean;
  /** "Who was at the March meeting", "were there any apologies": asks who attended, so the answer must say. */
  attendance: boolean;
  /** "How long is a panel meeting", "how long do members serve": asks for a length of time, so the answer must give one. */
  duration: boolean;
  /** "How often does the panel meet", "how often are the visits": asks how often, so the answer must say. */
  frequency: boolean;
  /** "How does a care leaver go about joining ...", "how do I apply for / book ...": asks how to do something, so the answer must say how. */
  procedure: boolean;
  /**
   * What an "explain X" question asks to have explained ("what is permanence planning" ->
   * "permanence planning"): an answer that only names X in a list does not answer it.
   */
  explains?: string;
  /**
   * What a question asks the workings, contents or result of ("how does the dispersal scheme work"
   * -> "dispersal scheme"): only an entry about that thing has them, not one that mentions it.
   */
  detailOf?: string;
  /**
   * For a question on what a named thing holds ("what are the promises in the charter"), what it
   * holds ("promises"; empty for "what is written in the charter"): `detailOf` is the thing.
   */
  held?: string;
  /**
   * "What are the three components of X", "list the promises in the pledge": the answer must list
   * at least this many items (three or more), not just say there are some.
   */
  listed?: number;
  /** Asks for a document's own words ("what does the ToR say ...", "according to the foreword"). */
  documentWords: boolean;
  /** "Up to what age ...", "how old ...", "what age range": the answer must give an age. */
  age: boolean;
  /** "What are the names of the couple who ...", "the name of the provider": whose name is asked for. */
  nameOf?: string;
  /** "The average time to adoption in days", "how far in miles": the answer must speak of that unit ("day"). */
  unit?: string;
  /** "What did Ofsted conclude", "what rating did they get": the answer must give a conclusion, not only that one was due. */
  conclusion: boolean;
  /** "Who replaced Jenny Whittle": the surname of whoever was replaced, which the answer must say was. */
  replaced?: string;
  /** What "how many X" counts ("how many foster carers does kent have" -> "foster carers"): the figure should be of X. */
  counts?: string;
}

const COUNT =
  /%|\b(?:how many|how much|number of|what number|what percent(?:age)?|what proportion|what share|what fraction|what rate|percentage of|proportion of|how big|how large)\b/;
// "what are the sgo breakdown rates": a figure, and what the rates are of.
const RATES_OF = /^(?:what|which) (?:is|are|was|were) (?:the )?(?:(?:our|kent|kcc) )?((?:[a-z]+ ){0,2}[a-z]+) rates?\b/;
const DATE =
  /^(?:when)\b|\b(?:when (?:is|was|did|does|do|will|were|are|has|had)|what date|which date|what year|which year|what day|what month|by when|since when|how long ago)\b/;
const PERSON =
  /^(?:who|whom)\b|\b(?:who (?:is|was|are|were|chairs?|chaired|leads?|runs?)|which (?:councillor|officer|member|person|people|mp))\b/;
// "How many UASC are there now", "who chairs it these days", "what checks does KCC now do": today's
// figure, post holder or practice, which the documents cannot give. "Are they one body now?", "I'm
// a corporate parent now": a state the documents describe, so a bare "now" counts only in a
// question asking for a fact, or in a clause that asks what, who or how.
const NOW_IF_A_FACT = /(?<!\bright )\bnow\b|\b(?:nowadays|these days)\b/;
const WH_CLAUSE = /^(?:what|which|who|whom|whose|how|where|when|why)\b/;

function asksWhatIsDoneNow(normalized: string): boolean {
  return normalized.split(/[.?!;:]+|,? or /).some((clause) => NOW_IF_A_FACT.test(clause) && WH_CLAUSE.test(clause.trim()));
}

// The documents look back: what comes next (the next meeting's end, next year's plan, what a review
// found when it "reported back", who "in the end" won a contract) is an officer's to say. Whether
// someone "ever said" or "ever recommended" something is what the documents record.
const NOW =
  /\b(?:right now|currently|current|at the moment|at present|this year|today|up to date|(?:next|upcoming|forthcoming) (?:[a-z]+ )?(?:meeting|meetings|panel|year|month|week|term|inspection|review|election|elections|report)|forward plan|future plans?|latest|most recent|last year|last month|so far|to date|(?:been|was it|were they|is it) (?:done|completed|implemented|carried out|actioned|delivered)|final (?:confirmed )?(?:figures?|results?|version)|(?:planning|plans?|going|intends?|intending) to (?!be\b|the\b|a\b|an\b|my\b|our\b|cpp\b|panel\b|meetings?\b|sessions\b|county\b|kent\b)[a-z]+|(?:did|was|were|has|have|is|are)\b.*\b(?:ever(?! (?:say|said|mention|mentioned|suggest|suggested|recommend|recommended|promise|promised|commit|committed|agree|agreed)\b)|yet|since then|afterwards)|in the end|what came of|(?:reported|came) back|finally (?:came|come|went|reported|arrived|happened|published|delivered|completed|done))\b/;
// "who was at the meeting", "who attended", "who chaired the group": people are asked for by name.
// ("Who led the review" is not: a body or a post answers it.)
const ATTENDED = 'attended|was at|were at|was present|were present|went to|came to';
const WHO_DID = new RegExp(
  `^who (?:did (?:[a-z]+ ){1,3}(?:appoint|hire|recruit|pick|choose|elect|nominate)|${ATTENDED}|chairs|chaired|(?:is|was|are|were) chairing|got|was given|took over|won|became|replaced|succeeded|wrote|authored|presented|signed|introduced|(?:was|were|has been|have been) (?:appointed|recruited|hired|elected))\\b`,
);
// "what is the virtual school head's name", "name of the lead participation officer": a name is asked for.
// "Which bodies did the report name" uses the verb: what it named, not a person's name.
const NAME_ASKED = /(?<!\b(?:did|does|do)\b(?: [a-z0-9]+){1,5} )\bnames?\b/;
// "who was at the meeting", "who turned up", "were there any apologies": who attended is asked for.
const ATTENDANCE = new RegExp(`^who (?:${ATTENDED})\\b|\\b(?:attendance|attendees|any apologies|apologies for absence|who turned up)\\b`);
const POSTS =
  'member|members|councillors|people|children|carers|staff|head|heads|chair|chairman|chairwoman|chairperson|vice|officer|director|councillor|cllr|manager|lead|leader|nurse|doctor|commissioner|clerk|worker|mp|minister|headteacher|person';
const POST = new RegExp(`\\b(?:${POSTS})\\b`);
const SHARE = /%|\b(?:percent(?:age)?|per cent|proportion|share|fraction)\b/;
// "who's the chair" and "whos the chair" arrive as "who is the chair"; "who the chair" is how some type it.
// "who were Ofsted interviewing" asks whom, not for the name of a post holder.
const IDENTITY = /^(?:(?:who is|who was|who are|who were) (?=the|a|an|my|our|your|its|their|kent|kcc|current)\b|who(?= the\b) )/;
// "who is cambridgeshire's lead member" (read as "who is cambridgeshire lead member"): the holder of a post, by name.
const HOLDER_OF = new RegExp(`^(?:who is|who was) [a-z]+ (?:[a-z]+ )?(?:${POSTS})\\b`);
// "who is the panel accountable to", "who is responsible for ...", "who is on the panel": a role or a body, not a name.
const NOT_IDENTITY =
  /\b(?:to|for|with|by|from|about|on|in|at|into|responsible|accountable|answerable|eligible|entitled|allowed|able|supposed|meant|expected|invited|involved|covered|included|represented|members?|membership)$|\b(?:responsible|accountable|answerable|in charge|involved|represented|eligible|members? of|membership)\b/;
// "Who is the governing body for the Virtual School", "who is the team that supports the panel": a body answers, not a name.
const A_BODY =
  /^who (?:is|was|are|were) (?:the |a |an )?(?:[a-z]+ )?(?:body|bodies|group|groups|team|teams|committee|board|organisation|organisations|agency|agencies|department|service|services|authority|council|panel|partnership)\b/;
const TASK_REQUEST =
  /^(?:(?:please|pls|can you|could you|would you|will you|can u|could u)\s+)*(?:help me (?:to )?(?:write|draft|compose|word|phrase|set up)\s+(?:a|an|my|the|some)\b|(?:review|proofread|proof read|read through|write|draft|redraft|rewrite|edit|fix|correct|improve|translate|summari[sz]e|shorten|mark|format|reformat|compose|type|print|book|order|buy|pay|send|email|forward|ring|call|cancel|renew|reset|upload|attach|save|delete)\s+(?:up\s+|over\s+)?(?:my|me|our|this|these|that|those|his|her|their)\b)/;
const MONEY =
  /£|\b(?:budgets?|costs?|costing|funding|funded|salary|salaries|wages?|allowances?|paid|fees?|prices?|pounds|expenses|spends?|spending|expenditure|how much money|how much (?:is|are|does|do|did) (?:it|they|we|a|an|the)?\s*(?:cost|pay|get|earn|receive))\b/;
const PROCEDURE =
  /^how (?:do|does|can|could|would|should|might) (?:i|we|you|they|he|she|someone|somebody|anyone|a|an|the|our|my|young|children|care|foster)\b.*?\b(?:go about |get about )?(?:join|joining|apply|applying|sign up|signing up|get onto|get on to|become|becoming|register|enrol|enroll|nominate|refer|book|reserve|hire|put (?:my|their|his|her) name|complain|make a complaint|report (?:a|an|my|our|concerns?|abuse|neglect|it|this|someone|somebody)|raise (?:a |my |our )?concerns?|(?:adopt|foster) (?:a|an|my|children|child|kids|young|teenagers?|siblings?|babies|baby))\b/;
// "How long has Kent used challenge cards" asks since when (a date answers it); "how long is a meeting" asks a length.
const DURATION = /^how long (?:do|does|is|are|will|would|can|could|should|must|did|was|were)\b/;
const ACRONYM_FRAME =
  /\b(?:stands? for|short for|full form|full name|in full|spel(?:t|led) out|acronym|abbreviation|abbreviated|initials|letters)\b/;

// Fillers that sit between the words a shape is read from: "who was actually at the meeting".
const FILLERS = /\b(?:actually|actual|really|exactly|basically|even|ever so|just)\b/g;

/** Reads what a question asks for from its wording. */
export function questionShape(question: string): QuestionShape {
  const normalized = normalizeText(question);
  // "What is the virtual school head called?" asks for a name; the rest is read without the "called".
  const calledAsked = asksWhatItIsCalled(normalized);
  const text = withoutCalled(normalized)
    .replace(/[^a-z0-9%]+/g, ' ')
    .replace(FILLERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const wants: AnswerWanted =
    COUNT.test(text) || RATES_OF.test(text) ? 'count' : DATE.test(text) ? 'date' : PERSON.test(text) ? 'person' : 'any';
  const identity =
    ((IDENTITY.test(text) || HOLDER_OF.test(text)) && !NOT_IDENTITY.test(text) && !A_BODY.test(text)) ||
    WHO_DID.test(text) ||
    ((NAME_ASKED.test(text) || calledAsked) && POST.test(text));
  const share = SHARE.test(text);
  const money = MONEY.test(text);
  const asksForAFact = wants !== 'any' || identity || share || money;
  return {
    wants,
    share,
    identity,
    aboutNow: NOW.test(text) || (NOW_IF_A_FACT.test(text) && (asksForAFact || asksWhatIsDoneNow(normalized))),
    acronymFrame: ACRONYM_FRAME.test(text),
    taskRequest: TASK_REQUEST.test(text),
    money,
    procedure: PROCEDURE.test(text),
    duration: DURATION.test(text),
    frequency: /\bhow often\b/.test(text),
    attendance: ATTENDANCE.test(text),
    ...explained(text),
    ...counted(text),
    documentWords: DOCUMENT_WORDS.test(text),
    age: AGE_ASKED.test(text),
    ...listAsked(text),
    ...nameAsked(text),
    ...unitAsked(text),
    conclusion: CONCLUSION_ASKED.test(text),
    ...replacedAsked(text),
  };
}

// "what is permanence planning", "how does the dispersal scheme work", "what was the outcome of the
// interview" (fillers such as "actually" are already gone from the text these read). These ask for
// the workings or result of X, which a passing mention of X does not give.
const DETAIL = [
  /^how (?:does|do|did|is|are) (?:the )?(.+?) work(?:s|ed)?$/,
  /^what (?:does|do|did) (?:the )?(.+?) (?:involve|cover|offer|provide|entail)\b/,
  /^what (?:age|ages|age group|age range) (?:is|are) (?:the )?(.+?) (?:for|aimed at|meant for)(?: and .*)?$/,
  /^what (?:was|is|were) the (?:outcome|result|results|upshot) of (?:the )?(.+)$/,
];

// What a named thing holds: "what are the promises in the charter", "list the core values from the
// statement of purpose", "what does the pledge promise", "what is written in the charter", "what
// does the charter say care leavers are entitled to". Only an entry written to explain the thing,
// or the things it holds ("the corporate parenting principles"), has them.
const HELD = 'promises|commitments|pledges|values|principles|components|parts|elements|entitlements|contents';
const CONTENTS: readonly RegExp[] = [
  new RegExp(
    `^(?:what (?:are|were) |(?:can you |could you )?list )the (?:[a-z]+ )?(?<held>${HELD}) (?:in|of|from|made in|set out in|under) (?:the )?(?<subject>.+)$`,
  ),
  new RegExp(`^what (?<held>${HELD}) (?:are|is|were|was) (?:there )?(?:in|made in|set out in) (?:the )?(?<subject>.+)$`),
  /^what (?:does|do|did) (?:the )?(?<subject>.+?) (?<held>promise|promises)\b/,
  /^what (?:does|do|did) (?:the )?(?<subject>.+?) (?:include|includes|contain|contains)\b/,
  /^what is (?:written|set out|promised) in (?:the )?(?<subject>.+?)(?: like .*)?$/,
  /^what (?:does|do|did) (?:the )?(?<subject>.+?) say (?:[a-z]+ ){0,3}(?:are|is|am i|are we) (?<held>entitled) to$/,
  // "What do care leavers get under the charter": what it gives them.
  /^what (?:do|does|did|will|would|can|could) (?:[a-z]+ ){1,3}(?:get|receive|have) under (?:the |our |kents? |kccs? )?(?<subject>.+)$/,
];
const EXPLAIN = [
  /^what (?:is|are|was|were) (?:a |an |the )?(.+?)(?: all)? about$/,
  /^what (?:is|are|was|were) (?:a |an |the )?(.+)$/,
  ...DETAIL,
  /^(?:explain|describe) (?:the |what )?(.+)$/,
  /^(?:tell me about|tell me more about|info on|information on|information about) (?:a |an |the )?(.+)$/,
  // "Special Guardianship Order - what is it?", "the IRO, what's that": the subject first, then the question.
  /^(?:a |an |the )?(.+?) (?:what is it|what is that|what are they|what are those|what is this|what does it mean|what does that mean)$/,
];
// A subject ending like this is not a thing to explain: "what is the panel for", "... accountable to".
const NOT_A_SUBJECT = /\b(?:for|to|of|in|on|with|about|from|by|like|do|doing|mean|means|called)$/;

function explained(text: string): { explains?: string; detailOf?: string; held?: string } {
  const contents = contentsAsked(text);
  if (contents) return { explains: contents.subject, detailOf: contents.subject, held: contents.held };
  const detailOf = subjectOf(text, DETAIL);
  if (detailOf) return { explains: detailOf, detailOf };
  const explains = subjectOf(text, EXPLAIN);
  return explains ? { explains } : {};
}

function contentsAsked(text: string): { subject: string; held: string } | undefined {
  for (const pattern of CONTENTS) {
    const groups = pattern.exec(text)?.groups;
    const subject = groups?.['subject']?.trim();
    if (subject && !NOT_A_SUBJECT.test(subject)) return { subject, held: groups?.['held'] ?? '' };
  }
  return undefined;
}

function subjectOf(text: string, patterns: readonly RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const subject = pattern.exec(text)?.[1]?.trim();
    if (subject && !NOT_A_SUBJECT.test(subject)) return subject;
  }
  return undefined;
}

// "what are the 3 components", "list the promises" (number words are digits by now).
const LIST_OF_N = /^(?:what|which) (?:are|were) (?:the |its |their )?(\d{1,2}) [a-z]+/;
// "What are the other two outcomes": the answer must list all of them, the one named and the other two.
const THE_OTHER_N = /\bthe other (\d{1,2})\b/;
const LIST_ASKED =
  /^(?:please )?(?:(?:can|could|would) (?:you|u) (?:please )?)?(?:list|name(?! of\b)|enumerate) (?:all )?(?:of )?(?:the |its |their )/;
// Two things are named in a phrase ("the two groups": "the Group and the Panel"); three or more make a list.
const MIN_LISTED = 3;

const DOCUMENT_WORDS =
  /\b(?:what|how) (?:does|did|do) (?:the |our |kent |kcc )?[a-z ]{0,40}?\b(?:say|says|said|word|words|put it)\b|\baccording to\b/;
const AGE_ASKED = /\b(?:what|which) (?:age|ages)\b|\bhow old\b/;
const NAME_OF = /\bnames? of (?:the |a |an |our |their |that |this )?([a-z]+(?: [a-z]+){0,2})/;

// "who replaced jenny whittle on the panel", "who took over from mr neaves": the last word of the name.
const REPLACED =
  /^who (?:replaced|succeeded|took over from|came in for|stepped in for) (?:mr |mrs |ms |miss |dr |cllr |councillor )?((?:[a-z'-]+ ){0,2}?[a-z'-]+)(?= on\b| in\b| after\b| as\b| from\b| when\b| at\b|$)/;

function replacedAsked(text: string): { replaced?: string } {
  const name = REPLACED.exec(text)?.[1];
  const last = name?.split(' ').at(-1);
  return last && !isStopWord(last) && !WEAK_STEMS.has(stem(last)) ? { replaced: last } : {};
}

// "The name of Kent's director of children's services": whose name is the first word that is not
// one every answer uses ("kent", "children").
function nameAsked(text: string): { nameOf?: string } {
  const subject = NAME_OF.exec(text)?.[1]
    ?.split(' ')
    .find((word) => !isStopWord(word) && !WEAK_STEMS.has(stem(word)));
  return subject ? { nameOf: subject } : {};
}

const CONCLUSION_ASKED =
  /\b(?:what|which) (?:(?:did|do|does|was|were|is|are) (?:[a-z]+ ){0,5}?)?(?:conclude|concluded|conclusions?|verdict|ratings?)\b/;
const IN_UNITS = new RegExp(`\\bin (${MEASURE_UNITS.join('|')})s\\b`);

function unitAsked(text: string): { unit?: string } {
  const unit = IN_UNITS.exec(text)?.[1];
  return unit ? { unit } : {};
}

function listAsked(text: string): { listed?: number } {
  const others = THE_OTHER_N.exec(text)?.[1];
  const n = others !== undefined ? Number(others) + 1 : Number(LIST_OF_N.exec(text)?.[1] ?? (LIST_ASKED.test(text) ? MIN_LISTED : 0));
  return n >= MIN_LISTED ? { listed: n } : {};
}

// "how many foster carers ...", "the number of children in care ...": the two words after are what is counted.
const COUNTED = /\b(?:how many|number of|how much) (?:of )?(?:the |our |kent |kcc )?([a-z]+(?: [a-z]+)?)/;
// "how many have been in the same placement": a verb, not a thing counted; nor is "adoptions - how
// many and did we beat the target" a count of "and did" (the thing counted came first).
const NOT_COUNTED =
  /^(?:have|has|are|is|were|was|do|does|did|will|can|of|more|times|and|or|but|if|so|then|in|on|at|for|to|since|by|there)\b/;

// "how many kids got adopted", "how many children were placed": what happened to them is counted too ("77 adoptions").
const COUNTED_BY_WHAT_HAPPENED =
  /\b(?:how many|number of) (?:of )?(?:the |our |kent |kcc )?([a-z]+) (?:got|get|were|was|are|have been|had been|being) ([a-z]{3,}ed)\b/;

function counted(text: string): { counts?: string } {
  const happened = COUNTED_BY_WHAT_HAPPENED.exec(text);
  if (happened) return { counts: `${happened[1]} ${happened[2]}` };
  const subject = COUNTED.exec(text)?.[1] ?? RATES_OF.exec(text)?.[1];
  return subject && !NOT_COUNTED.test(subject) ? { counts: subject } : {};
}

/** Content words left once the acronym framing is removed: "what does the acronym KSCB stand for" -> ["kscb"]. */
export function acronymSubject(tokens: readonly string[]): string[] {
  const frame = new Set([
    'stand',
    'stands',
    'short',
    'full',
    'form',
    'name',
    'spelt',
    'spelled',
    'acronym',
    'abbreviation',
    'abbreviated',
    'initials',
    'letters',
    'mean',
    'means',
    'meaning',
  ]);
  return tokens.filter((t) => !isStopWord(t) && !frame.has(t));
}
