// "I'm a new councillor - ...", "As a foster carer on the panel, ...", "I've just been elected, ...":
// who is asking frames the question but is not what it asks about.
const SEPARATOR = String.raw`\s*[,.;:!\-\u2013\u2014]+\s*(?:and\s+|so\s+)?`;
// "I'm a ...", "as the NHS's designated nurse ...": an introduction names a role, so it starts with an
// article or "new"; "I'm not sure what the panel does - ..." and "as far as I know ..." are the question.
const WHO_I_AM = new RegExp(
  String.raw`^\s*(?:(?:hi|hello|hey|morning|afternoon)\b[\s,!.]*)?(?:i'?m|i am|as|speaking as)\s+` +
    String.raw`(?:a|an|the|one of (?:the|our)|your|our|kent'?s|kcc'?s|new|newly|recently|just)\s+[a-z' ]{1,60}?` +
    SEPARATOR,
  'i',
);
// "I'm on the planning committee, ...", "I chair the pensions committee -": where the asker sits, not what they ask about.
const WHERE_I_SIT = new RegExp(
  String.raw`^\s*(?:(?:i'?m|i am|i sit|i serve)\s+on|i chair|i'?m (?:the )?chair of|i am (?:the )?chair of|i'?m a member of|i am a member of)\s+(?:the|a|an|our|kent'?s|kcc'?s)\s+[a-z' ]{1,60}?\b(?:committee|board|panel|group|council|team)\b[a-z' ]{0,30}?` +
    SEPARATOR,
  'i',
);
// "Police liaison officer here - ...", "NHS commissioner here: ...", "Police partner: ...".
const WHO_IS_HERE = new RegExp(String.raw`^\s*[a-z' ]{2,50}?\s+here` + SEPARATOR, 'i');
const ROLE_WITH_COLON =
  /^\s*[a-z' ]{0,40}?\b(?:partner|officer|worker|sw|nurse|doctor|carer|governor|councillor|cllr|rep|representative|commissioner|teacher|head|manager|adviser|advisor|director|lead|leaver)s?\s*:\s*/i;
const JUST_ELECTED =
  /^\s*(?:(?:i'?ve|i have)\s+(?:just\s+|recently\s+)?|(?:just|recently)\s+)?been\s+(?:newly\s+)?(?:elected|appointed|put|added|nominated|co-opted|(?:asked|invited) to join)(?:(?:\s+(?:to|onto|on))?\s+(?:the\s+)?(?:(corporate parenting panel|panel|cpp)|council))?\s*[,.;:!\-\u2013\u2014]+\s*(?:and\s+|so\s+)?/i;

// Teams messages are written like notes: "Morning! ...", "Dear bot, ...", "... Thanks", "Kind
// regards, Jo", a name, a link. None of it is what the question asks.
const GREETING =
  /^\s*(?:(?:hi|hello|hey|hiya|morning|afternoon|evening|good (?:morning|afternoon|evening)|dear)(?:\s+(?:there|all|team|bot|everyone|folks|sir|madam))?\s*[,!.:;\-\u2013\u2014]+\s*)+/i;
const GREETING_BEFORE_QUESTION =
  /^\s*(?:(?:hi|hello|hey|hiya)\s+(?=(?:who|what|where|when|how|which|why|is|are|does|do|did|can|could|would|should)\b)|(?:hi|hello|hey|hiya|morning|afternoon|evening|good (?:morning|afternoon|evening))\s+(?:there|all|team|bot|everyone|folks)\s+)/i;
// A sign-off needs no comma before it ("who chairs the panel Many thanks"); the short ones ("ta",
// "best") do. It is looked for in the message's last characters only: a sign-off is short, and a
// search from every position of a long run of spaces would take time in the square of its length.
const SIGN_OFF_REACH = 100;
const SIGN_OFF =
  /(?:(?:[?.!,;\n\-\u2013\u2014]+\s*|\s+)(?:(?:many\s+)?thanks(?:\s+(?:a lot|very much|so much|in advance|again))?|thank you(?:\s+(?:very|so) much)?(?:\s+in advance)?|thx|thanx|cheers|(?:kind(?:est)?|best|warm|many)\s+(?:regards|wishes|thanks)|regards)|[?.!,;\n\-\u2013\u2014]+\s*(?:ta|best|bw|kr)|\s+(?:ta|please|pls|plz)(?=[\s.!]*$))(?:[\s,.!]+(?!(?:to|for|the|a|an|and|of|in|on|with|from|at)\b)[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)?[\s.!]*$/i;
// "I am Cllr Smith.", "I'm Jo from fostering -": a name, not a role.
const NAMED_INTRODUCTION =
  /^\s*(?:(?:[Ii]'?m|I am|[Tt]his is|[Mm]y name is)\s+(?:(?:[Cc]llr|[Cc]ouncillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?(?:\s+from\s+[A-Za-z' ]{1,40}?)?)\s*[,.;:!\-\u2013\u2014]+\s*/;
// "Question from Cllr Jones - ...", "Query from the fostering team: ...": who sent it, not what it asks.
const SENT_FROM = /^\s*(?:a\s+)?(?:question|query|enquiry|message)\s+from\s+[^,.;:!?\-\u2013\u2014]{1,40}?\s*[,.;:!\-\u2013\u2014]+\s*/i;
// "Can you tell me who ...", "Do you know whether ...", "Quick question: ...": asking to be told,
// in front of the question itself (which a "who", "how" or "is" starts: what the question's shape is read from).
const ASKING_TO_BE_TOLD =
  /^\s*(?:(?:please\s+)?(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?(?:tell|let)\s+me(?:\s+know)?|(?:(?:please\s+)?(?:can|could|would)\s+(?:you|u|someone|somebody|anyone)\s+(?:please\s+)?)?explain(?:\s+to\s+me)?|do\s+(?:you|u)\s+(?:happen to\s+)?know|(?:please\s+)?tell\s+me|i(?:'d| would)\s+like\s+to\s+know|i\s+(?:want|need)\s+to\s+know|i\s+was\s+(?:just\s+)?wondering|(?:just\s+)?wondering|i\s+wonder)\s*[,:\-\u2013\u2014]?\s+(?:(?:if|whether)\s+)?(?=(?:who|whom|whose|what|where|when|how|which|why|is|are|was|were|does|do|did|can|could|should|will|would|has|have|there|the|our|kent|kcc|a|an)\b)/i;
const QUICK_QUESTION = /^\s*(?:(?:a\s+)?quick\s+(?:question|one|q|query)|(?:a\s+)?question(?:\s+for\s+you)?)\s*[,.;:!?\-\u2013\u2014]+\s*/i;
// "Sorry to bother you, but ...", "Hope you are well. ...", "Any idea who ...": politeness in front.
const POLITE_OPENER =
  /^\s*(?:(?:(?:sorry|apologies)(?: if this is (?:a )?(?:silly|stupid|daft|basic|obvious|dumb)(?: q| question| one)?)?(?: to (?:bother|trouble|disturb) you)?|not sure if you can help|hope you(?:'re| are) well|hope this makes sense|any idea)(?:\s*[,.!:;\-\u2013\u2014]+\s*(?:(?:but|and|so)\s+)?|\s+(?:but|and)\s+|\s+(?=(?:who|what|where|when|which|why|how|is|are|does|do|did|can|could)\b)))+/i;
// "Confirming for the web page - ...", "checking for a briefing note: ...": why they ask, before what.
const WHY_I_ASK = new RegExp(
  String.raw`^\s*(?:(?:i'?m|i am|we'?re|we are)\s+)?(?:just\s+)?(?:confirming|checking|double[- ]checking|asking|writing|drafting|preparing|updating|putting together)\b[a-z' ]{0,80}?` +
    SEPARATOR,
  'i',
);
// "... - can you list them, I need them for a pathway plan template", "? it's for a briefing note":
// what the answer is wanted for, after the question. It, a doubt and a tag are looked for in the
// message's last 120 characters, as a sign-off is in its last 100.
const AFTER_THE_QUESTION_REACH = 120;
const WHAT_IT_IS_FOR = new RegExp(
  String.raw`[?.!;,\-\u2013\u2014]+\s*(?:` +
    String.raw`(?:(?:i|we)\s+)?(?:need|want|needed|wanted)\s+(?:it|them|this|these|that|(?:a|an|some|the)\s+[a-z' ]{1,40}?)\s+for\s+` +
    String.raw`|(?:it'?s|this is|that'?s)\s+(?:just\s+)?for\s+)` +
    String.raw`(?:a|an|my|our|the|some)\s+[a-z' ]{1,60}?[\s.!]*$`,
  'i',
);
// "challenge cards just get binned, right?", "..., isn't it?": a tag asking to be agreed with.
const TAG_QUESTION =
  /(?:\s*[,\-\u2013\u2014]\s*(?:right|innit|yeah)|,?\s+(?:is|are|do|does|did|was|were|has|have|can|could|will|would)n'?t (?:it|they|there|he|she|we|you|i))\s*\?+\s*$/i;
// "... or is it just a box-ticking exercise?": doubt voiced after the question, not something asked about.
const DOUBT_AFTER =
  /,?\s+or is it (?:just |all |only |really )?(?:a |an )?(?:tick[- ]?box|box[- ]?ticking|talking shop|paper|pr|rubber[- ]stamp|waste of time)(?: thing| exercise| job)?\s*\?*\s*$/i;
// "What is the CPP for, in plain English?", "in a couple of lines, what ...": how to word the answer, not what it is about.
const HOW_TO_WORD_IT =
  /,?\s*\bin (?:(?:plain|simple|layman'?s|laymen'?s|everyday|normal|basic|easy) (?:english|terms|words|language)|a nutshell|(?:a|one) (?:sentence|line)|a (?:few|couple of) (?:words|lines|sentences))\b\s*,?/gi;
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;

// What a message says after its question is short: each ending is looked for in its last characters only.
function withoutEnding(text: string, ending: RegExp, reach: number): string {
  const cut = Math.max(0, text.length - reach);
  return text.slice(0, cut) + text.slice(cut).replace(ending, '');
}

function withoutEndings(text: string): string {
  const signedOff = withoutEnding(text, SIGN_OFF, SIGN_OFF_REACH);
  return [WHAT_IT_IS_FOR, DOUBT_AFTER, TAG_QUESTION].reduce(
    (rest, ending) => withoutEnding(rest, ending, AFTER_THE_QUESTION_REACH),
    signedOff,
  );
}

/** A message read for its question: what it wraps round the question gone, then who is asking. */
export interface UnwrappedMessage {
  /** Without a greeting, a sign-off, a name, a link or politeness; any introduction of a role kept. */
  message: string;
  /** Without a self-introduction too ("I'm a foster carer on the panel, ..."); the message as sent when nothing is left. */
  question: string;
}

/** Reads past what a Teams message wraps round a question, and who is asking it. */
export function unwrapMessage(sent: string): UnwrappedMessage {
  // Runs of spaces made one first: the introductions' patterns would try a long run at every length.
  const spaced = sent
    .replace(LINK, ' ')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
  const message = withoutEndings(spaced.replace(HOW_TO_WORD_IT, asSpace).trim())
    .replace(GREETING, '')
    .replace(GREETING_BEFORE_QUESTION, '')
    .replace(NAMED_INTRODUCTION, '')
    .replace(SENT_FROM, '')
    .replace(POLITE_OPENER, '')
    .replace(QUICK_QUESTION, '')
    .replace(WHY_I_ASK, '')
    .replace(ASKING_TO_BE_TOLD, '');
  const question = message
    .replace(WHO_I_AM, '')
    .replace(WHERE_I_SIT, '')
    .replace(WHO_IS_HERE, '')
    .replace(ROLE_WITH_COLON, '')
    .replace(JUST_ELECTED, keptPanel);
  return { message, question: question.trim() === '' ? sent : question };
}

// A phrase taken out leaves a space between words, none before a question mark.
function asSpace(phrase: string, at: number, text: string): string {
  return /^[?.!]?$/.test(text.charAt(at + phrase.length)) ? '' : ' ';
}

// "Just been put on the panel, what does it exist to do?": the panel is what "it" is.
function keptPanel(_introduction: string, panel: string | undefined): string {
  return panel ? 'the panel: ' : '';
}

/** The question without a self-introduction in front of it; unchanged when nothing is left. */
export function withoutPreamble(question: string): string {
  return unwrapMessage(question).question;
}
