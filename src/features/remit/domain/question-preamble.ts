// "I'm a new councillor - ...", "As a foster carer on the panel, ...", "I've just been elected, ...":
// who is asking frames the question but is not what it asks about.
const WHO_I_AM =
  /^\s*(?:(?:hi|hello|hey)\b[\s,!.]*)?(?:i'?m|i am|as)\s+(?:a\s+|an\s+)?(?:(?:new|newly|recently|just|first[- ]time)(?:[\s-]+elected)?\s+)?(?:county\s+)?(?:councillor|cllr|member|officer|partner|foster\s+carer|social\s+worker|governor|care\s+leaver)s?(?:\s+(?:on|of)\s+(?:the\s+)?(?:panel|cpp|council))?\s*[,.;:!\-\u2013\u2014]+\s*(?:and\s+|so\s+)?/i;
const JUST_ELECTED =
  /^\s*(?:i'?ve|i have)\s+(?:just\s+|recently\s+)?been\s+(?:newly\s+)?(?:elected|appointed)(?:\s+(?:to|onto)\s+(?:the\s+)?(?:panel|council|cpp))?\s*[,.;:!\-\u2013\u2014]+\s*(?:and\s+|so\s+)?/i;

/** The question without a self-introduction in front of it; unchanged when nothing is left. */
export function withoutPreamble(question: string): string {
  const stripped = question.replace(WHO_I_AM, '').replace(JUST_ELECTED, '');
  return stripped.trim() === '' ? question : stripped;
}
