/**
 * How large one card may be. Teams refuses a message over about 28 KB (413) and the outbox stores
 * at most 32,000 characters of card; the activity around the card takes some of that. Cards that
 * grow with their content (the bulletin, the quarterly report) are split or trimmed to this
 * budget, so they are never refused.
 */
export const CARD_BUDGET_BYTES = 24_000;

/** The card's size as sent: UTF-8 bytes of its JSON. */
export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/**
 * Splits `items` into consecutive runs whose rendered card fits the budget, each run as long as
 * it can be (greedy). `render` gets the run and its index (the first part may carry more, such as
 * a heading section). An item too large to fit even alone gets a run of its own: callers bound
 * each item's size.
 */
export function splitToFit<T>(
  items: readonly T[],
  render: (run: readonly T[], index: number) => unknown,
  budget = CARD_BUDGET_BYTES,
): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  for (const item of items) {
    if (run.length > 0 && cardBytes(render([...run, item], runs.length)) > budget) {
      runs.push(run);
      run = [];
    }
    run.push(item);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The card showing the most leading items (from none to `count`) that fits the budget: for lists
 * trimmed with "and N more". `render(shown)` must grow with `shown`. Binary search: a few renders
 * whatever the count.
 */
export function trimToFit<C>(count: number, render: (shown: number) => C, budget = CARD_BUDGET_BYTES): C {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (cardBytes(render(mid)) <= budget) low = mid;
    else high = mid - 1;
  }
  return render(low);
}
