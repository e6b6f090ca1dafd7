// The UMD bundle: the package's ESM "lib" build does not load under Node's CommonJS loader.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

/** Problems the official Adaptive Cards parser reports for a card, plus any template expression left unexpanded. */
export function adaptiveCardProblems(card: object): string[] {
  const problems: string[] = [];
  const json = JSON.stringify(card);
  const unresolved = json.match(/\$\{[^}]*\}/g);
  if (unresolved) problems.push(`unresolved template expressions: ${unresolved.join(', ')}`);
  if ((card as { version?: string }).version !== '1.5')
    problems.push(`version is ${(card as { version?: string }).version}, Teams needs 1.5`);
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  problems.push(...parsed.validateProperties().validationEvents.map((event) => event.message));
  return problems;
}
