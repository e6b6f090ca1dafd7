import type { CommandInput, Feature, FreeTextRoute, TextCommand } from '../../shared/feature';

export interface RoutedText {
  command: TextCommand;
  input: CommandInput;
}

/** How phrases and patterns are compared: case, runs of spaces and closing `!.?` do not matter. */
export function normaliseCommandText(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[!.?]+$/, '')
    .trim();
}

/**
 * Every text command the features registered. A whole-message phrase wins over a pattern;
 * patterns are tried in registration order. Two commands claiming one phrase stop the start.
 */
export class CommandTable {
  private readonly phrases = new Map<string, TextCommand>();
  private readonly patterns: { pattern: RegExp; command: TextCommand }[] = [];
  private readonly freeText: FreeTextRoute[] = [];

  constructor(features: readonly Feature[]) {
    for (const feature of features) {
      for (const command of feature.commands ?? []) this.add(feature.name, command);
      if (feature.freeText) this.freeText.push(feature.freeText);
    }
  }

  /** The command a message asks for, or undefined when it is free text (a question). */
  route(text: string): RoutedText | undefined {
    const normalised = normaliseCommandText(text);
    const exact = this.phrases.get(normalised);
    if (exact) return { command: exact, input: { text, normalised } };
    for (const { pattern, command } of this.patterns) {
      const match = pattern.exec(normalised);
      if (match) return { command, input: { text, normalised, match } };
    }
    return undefined;
  }

  /** The features that take this free text, first first (the knowledge base takes anything, last). */
  freeTextRoutes(text: string): FreeTextRoute[] {
    return this.freeText.filter((route) => route.accepts(text));
  }

  private add(featureName: string, command: TextCommand): void {
    for (const phrase of command.phrases ?? []) {
      const key = normaliseCommandText(phrase);
      const taken = this.phrases.get(key);
      if (taken) throw new Error(`feature ${featureName}: phrase "${phrase}" of ${command.name} is already ${taken.name}'s`);
      this.phrases.set(key, command);
    }
    for (const pattern of command.patterns ?? []) this.patterns.push({ pattern, command });
  }
}
