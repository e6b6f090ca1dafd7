// A second question starts with a question word or an auxiliary verb: "... and where does it meet",
// "... ? Is it open to the public". "... and out of area children" goes on with the first question.
const QUESTION_START = String.raw`(?:who|whom|whose|what|where|when|which|why|how|is|are|was|were|does|do|did|can|could|will|would|should|has|have)\b`;
const SECOND_QUESTION = new RegExp(
  String.raw`(?:\?+\s*(?:and\s+|also\s+|plus\s+)?|[,;]?\s+(?:and|also|plus|as well as)\s+(?:also\s+)?)(?=${QUESTION_START})`,
  'i',
);
// Each part must still ask something: "who chairs it and when" is one question, not two.
const MIN_PART_WORDS = 3;

/**
 * The two questions of a message that asks two ("Who chairs the panel and where does it meet?",
 * "How often does it meet? Is it public?"), each as typed; one part for anything else. Only the
 * first break counts: a third question stays with the second.
 */
export function questionParts(question: string): string[] {
  const text = question.trim();
  const match = SECOND_QUESTION.exec(text);
  if (!match || match.index === 0) return [text];
  const first = text.slice(0, match.index).trim();
  const second = text.slice(match.index + match[0].length).trim();
  if (wordCount(first) < MIN_PART_WORDS || wordCount(second) < MIN_PART_WORDS) return [text];
  return [first, second];
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
}

// "Whats an SGO - it came up under the adoption item": a dash, colon or comma, then an aside.
const ASIDE_BREAK = /\s+[-\u2013\u2014:]\s+|,\s+/;
const ASKS_SOMETHING = new RegExp(String.raw`\b${QUESTION_START}|\?`, 'i');

/** The question before an aside that asks nothing more ("..., someone mentioned it"); undefined when there is none. */
export function beforeAnAside(question: string): string | undefined {
  const [asked, aside] = question.split(ASIDE_BREAK, 2);
  return aside !== undefined && !ASKS_SOMETHING.test(aside) ? asked : undefined;
}
