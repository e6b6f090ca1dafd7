import { bulletinCards } from '../../../src/features/calendar/teams/calendar-cards';
import { CARD_BUDGET_BYTES, cardBytes, splitToFit, trimToFit } from '../../../src/shared/cards/card-budget';
import { challengeReportCard } from '../../../src/features/challenges/teams/challenge-cards';
import { buildChallengeReport } from '../../../src/features/challenges/domain/challenge-report';
import { quarterPeriod } from '../../../src/shared/reports/report-period';
import { aSummary } from '../challenges/challenge-fixtures';
import { anEvent } from './event-fixtures';

const nowUtc = '2027-02-01T08:00:00.000Z';
const eventId = (i: number) => `ev-${String(i).padStart(24, '0')}`;

/** Long events across the bulletin's four weeks: what a busy summer looks like. */
function busyMonth(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const day = String(2 + (i % 25)).padStart(2, '0');
    return anEvent({
      id: eventId(i),
      title: `Virtual School Kent summer activity day ${i} with a long descriptive title for the members`.padEnd(190, '.'),
      venue: 'The Great Hall, Sessions House, County Hall, Maidstone, Kent ME14 1XQ',
      startUtc: `2027-02-${day}T18:00:00.000Z`,
      endUtc: `2027-02-${day}T20:00:00.000Z`,
    });
  });
}

describe('cards that grow with their content are split or trimmed, never too large to send', () => {
  it('splits a bulletin of 80 long events into parts under the budget, in date order, keeping every event once', () => {
    const events = busyMonth(80);
    const cards = bulletinCards({ meetings: [], events, nowUtc });
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const ids = cards.flatMap((card) => [...JSON.stringify(card).matchAll(/"eventId":"(ev-\d{24})"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(80);
    expect(ids).toHaveLength(80);
    cards.forEach((card, index) => expect(JSON.stringify(card)).toContain(`Member Bulletin (Part ${index + 1} of ${cards.length})`));
    // Date order within and across the parts.
    const startOf = new Map(events.map((event) => [event.id, event.startUtc]));
    const starts = ids.map((id) => startOf.get(id!)!);
    expect(starts).toEqual([...starts].sort());
    expect(JSON.stringify(cards[0])).toContain('Week beginning Monday 1 February 2027');
  });

  it('a usual bulletin stays one card, with no part label', () => {
    const cards = bulletinCards({ meetings: [], events: busyMonth(3), nowUtc });
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0])).not.toContain('Part 1');
  });

  it('an empty bulletin is one card saying nothing is scheduled', () => {
    const cards = bulletinCards({ meetings: [], events: [], nowUtc });
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0])).toContain('Nothing is scheduled');
  });

  it("trims the quarterly report's outcomes to fit, saying how many more are in the Word report", () => {
    const completed = Array.from({ length: 250 }, (_, i) =>
      aSummary(`CC-2026-${String(i + 1).padStart(3, '0')}`, {
        raisedOn: '2026-07-02',
        dueOn: '2026-08-01',
        changes: [
          ['accepted', '2026-07-05T10:00:00.000Z'],
          ['completed', '2026-08-20T10:00:00.000Z'],
        ],
        firstResponseAtUtc: '2026-07-05T10:00:00.000Z',
        explanation: `Outcome ${i}: ${'a long explanation for the young people. '.repeat(40)}`,
      }),
    );
    const card = challengeReportCard(buildChallengeReport(completed, quarterPeriod(2026, 3), '2026-10-05T09:00:00.000Z'), {
      csvUrl: 'https://cpp.example.org/x.csv',
      // Larger than any chart the bot attaches: the outcomes must still give way.
      image: { url: `data:image/png;base64,${'A'.repeat(20_000)}`, altText: 'Cards by priority area' },
    });
    const json = JSON.stringify(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const shown = new Set(json.match(/CC-2026-\d{3}/g) ?? []).size;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(15);
    expect(/\d+ more completed cards are in the Word report\./.exec(json)?.[0]).toBe(
      `${250 - shown} more completed cards are in the Word report.`,
    );
  });
});

describe('card budget helpers', () => {
  const render = (items: readonly string[]) => ({ items });

  it('splitToFit makes the longest runs that fit, and never drops or reorders an item', () => {
    const items = Array.from({ length: 10 }, (_, i) => `item-${i}`.padEnd(30, '.'));
    const runs = splitToFit(items, render, 100);
    expect(runs.flat()).toEqual(items);
    for (const run of runs) expect(cardBytes(render(run))).toBeLessThanOrEqual(100);
    for (let i = 0; i + 1 < runs.length; i++) expect(cardBytes(render([...runs[i]!, runs[i + 1]![0]!]))).toBeGreaterThan(100);
  });

  it('splitToFit gives an item too large on its own a run of its own', () => {
    expect(splitToFit(['x'.repeat(200), 'y'], render, 100)).toEqual([['x'.repeat(200)], ['y']]);
  });

  it('trimToFit shows the most items that fit, and none when even one does not', () => {
    const items = Array.from({ length: 50 }, (_, i) => `entry ${i}`);
    const card = trimToFit(items.length, (shown) => render(items.slice(0, shown)), 200);
    expect(cardBytes(card)).toBeLessThanOrEqual(200);
    expect(cardBytes(render(items.slice(0, card.items.length + 1)))).toBeGreaterThan(200);
    expect(trimToFit(3, (shown) => render(Array.from({ length: shown }, () => 'z'.repeat(500))), 100).items).toEqual([]);
  });
});
