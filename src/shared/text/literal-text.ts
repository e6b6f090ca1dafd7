/**
 * Makes text typed by a person show literally in a TextBlock: CommonMark backslash escapes stop
 * it turning into links, emphasis or lists, and angle brackets cannot form an <at> mention.
 */
export function literalText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|>~]/g, (character) => `\\${character}`).replace(/</g, '‹').replace(/>/g, '›');
}
