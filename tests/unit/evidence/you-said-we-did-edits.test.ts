import { SummaryEditError, applySummaryEdits } from '../../../src/features/challenges/domain/you-said-we-did-edits';
import type { YouSaidWeDid } from '../../../src/features/challenges/domain/you-said-we-did';
import { youSaidWeDidFormCard } from '../../../src/features/challenges/teams/you-said-we-did-cards';

const summary: YouSaidWeDid = {
  year: 2026,
  intro: 'These are the challenges you raised.',
  items: [
    { reference: 'CC-2026-001', youSaid: 'Help with council tax.', weDid: 'You will not pay council tax until you are 25.' },
    { reference: 'CC-2026-002', youSaid: 'Shorter forms.', weDid: 'The forms are shorter.' },
  ],
  version: 3,
};
const wholePage = { first: 0, end: 8 };

function refusal(input: Record<string, unknown>, names: string[] = []): SummaryEditError {
  try {
    applySummaryEdits(summary, input, wholePage, names);
  } catch (error) {
    if (error instanceof SummaryEditError) return error;
    throw error;
  }
  throw new Error('the edits were accepted');
}

describe('"You said, we did" edits', () => {
  it('applies the boxes of the page, tidying spaces, and keeps every box the form did not carry', () => {
    const edits = applySummaryEdits(
      summary,
      { intro: '  What you raised   this year. ', did_1: 'Forms now\nfit on one page.' },
      wholePage,
      [],
    );
    expect(edits.intro).toBe('What you raised this year.');
    expect(edits.items.map((item) => [item.youSaid, item.weDid])).toEqual([
      ['Help with council tax.', 'You will not pay council tax until you are 25.'],
      ['Shorter forms.', 'Forms now fit on one page.'],
    ]);
  });

  it('ignores boxes of items on other pages and the intro after the first page', () => {
    const edits = applySummaryEdits(
      summary,
      { intro: 'New intro', said_0: 'Changed', said_1: 'Page two words.' },
      { first: 1, end: 2 },
      [],
    );
    expect(edits.intro).toBe(summary.intro);
    expect(edits.items.map((item) => item.youSaid)).toEqual(['Help with council tax.', 'Page two words.']);
  });

  it("refuses a child's personal details, a known person's name, a councillor by name, an empty or an overlong box, naming each box", () => {
    const error = refusal(
      {
        intro: 'Ring 07700 900123 to find out more.',
        said_0: '',
        did_0: 'Martin Hughes sorted it out.',
        said_1: 'x'.repeat(401),
        did_1: 'Cllr Shah took it to Cabinet.',
      },
      ['Martin Hughes'],
    );
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['did_0', 'did_1', 'intro', 'said_0', 'said_1']);
    expect(error.fieldErrors.intro).toMatch(/phone number/);
    expect(error.fieldErrors.intro).not.toContain('07700');
    expect(error.fieldErrors.said_0).toMatch(/Write something here/);
    expect(error.fieldErrors.did_0).toMatch(/names a person/);
    expect(error.fieldErrors.said_1).toMatch(/400 characters \(it has 401\)/);
    expect(error.fieldErrors.did_1).toMatch(/names a person/);
    // What was typed comes back in the form, so nothing the officer wrote is lost.
    expect(error.typed.items[0]!.weDid).toBe('Martin Hughes sorted it out.');
    expect(error.typed.version).toBe(3);
  });

  it('refuses a box of the wrong type (tampered card data)', () => {
    expect(refusal({ said_0: { text: 'x' } }).fieldErrors).toEqual({ said_0: expect.stringMatching(/could not be read/) });
  });

  it('draws the errors beside their boxes on the form', () => {
    const error = refusal({ did_1: 'Ring 07700 900123.' });
    const card = JSON.stringify(youSaidWeDidFormCard(error.typed, 0, error.userMessage, 'Attention', error.fieldErrors));
    expect(card).toContain('Nothing was saved');
    expect(card).toContain('"id":"did_1"');
    expect(card).toMatch(/"text":"This looks like it contains a phone number/);
    expect(card).not.toContain('${');
  });
});
