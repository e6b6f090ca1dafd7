const PRAISE =
  '(?:ok|okay|right|great|brilliant|perfect|lovely|excellent|super|fab|fantastic|wonderful|amazing|awesome|cool|nice one|good stuff|(?:many )?thanks(?: (?:a lot|so much|very much|again))?|thank you(?: (?:so|very) much)?(?: again)?|thankyou|cheers|ta)';
const PRAISED =
  '(?:really |very |so |super |extremely |most |just )?(?:helpful|useful|great|perfect|brilliant|spot on|clear|what i needed|exactly what i needed)';
const SEPARATOR = String.raw`[\s,.!]*`;

/**
 * "Thanks", "thank you so much, that was really helpful", "brilliant, very useful": a remark on an
 * answer, with nothing asked ("OK" or "right" alone only acknowledges). Matched against lower-case
 * text (any apostrophe form).
 */
export const REMARK_ON_AN_ANSWER = new RegExp(
  `^(?!(?:ok|okay|right)[\\s,.!]*$)(?:${PRAISE}\\b${SEPARATOR})*(?:(?:(?:that|this|it)(?:['\u2019]s| is| was)? )?${PRAISED}\\b${SEPARATOR})?(?:${PRAISE}\\b${SEPARATOR})*(?:bot${SEPARATOR})?$`,
);

/** Whether a message only thanks the bot or praises an answer. */
export function remarksOnAnAnswer(message: string): boolean {
  const text = message.toLowerCase().replace(/\s+/g, ' ').trim();
  return text !== '' && REMARK_ON_AN_ANSWER.test(text);
}
