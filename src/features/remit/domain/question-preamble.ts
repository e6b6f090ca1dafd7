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
// "Police liaison officer here - ...", "NHS commissioner here: ...".
const WHO_IS_HERE = new RegExp(String.raw`^\s*[a-z' ]{2,50}?\s+here` + SEPARATOR, 'i');
const JUST_ELECTED =
  /^\s*(?:i'?ve|i have)\s+(?:just\s+|recently\s+)?been\s+(?:newly\s+)?(?:elected|appointed)(?:\s+(?:to|onto)\s+(?:the\s+)?(?:panel|council|cpp))?\s*[,.;:!\-\u2013\u2014]+\s*(?:and\s+|so\s+)?/i;

/** The question without a self-introduction in front of it; unchanged when nothing is left. */
export function withoutPreamble(question: string): string {
  const stripped = question.replace(WHO_I_AM, '').replace(WHO_IS_HERE, '').replace(JUST_ELECTED, '');
  return stripped.trim() === '' ? question : stripped;
}
