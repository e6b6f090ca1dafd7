import type { Challenge } from '../../../src/features/challenges/domain/challenge';
import {
  type RespondInput,
  type ResponseDecision,
  decideResponse,
  parseRespondInput,
  responseKey,
} from '../../../src/features/challenges/domain/challenge-response';
import { aChallenge, cllrOutsider, cllrPriya, leadSam, officerAlex } from './challenge-fixtures';

const now = '2026-08-10T09:00:00.000Z';
const input = (values: Partial<RespondInput['values']>, version = 1): RespondInput => ({
  reference: 'CC-2026-014',
  version,
  values: { response: '', status: 'keep', explanation: '', confirmNotChildName: '', ...values },
});

function applied(decision: ResponseDecision) {
  if ('refusal' in decision) throw new Error(`refused: ${decision.refusal.message}`);
  return decision.change;
}

function refusal(decision: ResponseDecision) {
  if (!('refusal' in decision)) throw new Error('expected a refusal');
  return decision.refusal;
}

describe('deciding a response', () => {
  it('an assignee responds and moves the card on: version, status history, latest response, first response, history event', () => {
    const { next, event } = applied(
      decideResponse(aChallenge(), cllrPriya, input({ response: ' Raised with finance. ', status: 'accepted' }), now),
    );
    expect(next).toMatchObject({
      status: 'accepted',
      version: 2,
      firstResponseAtUtc: now,
      updatedAtUtc: now,
      latestResponse: { by: { name: 'Cllr Priya Shah' }, atUtc: now, text: 'Raised with finance.' },
    });
    expect(next.statusChanges.at(-1)).toEqual({ status: 'accepted', atUtc: now });
    expect(event).toEqual({
      reference: 'CC-2026-014',
      key: expect.stringMatching(/^r\.[0-9a-f]{40}$/),
      by: { aadObjectId: cllrPriya.aadObjectId, name: cllrPriya.name },
      atUtc: now,
      kind: 'response',
      text: 'Raised with finance.',
      fromStatus: 'received',
      toStatus: 'accepted',
    });
  });

  it('keeps the first response time on later responses', () => {
    const card = aChallenge({ firstResponseAtUtc: '2026-07-20T10:00:00.000Z', status: 'accepted', version: 4 });
    expect(applied(decideResponse(card, leadSam, input({ response: 'Update' }, 4), now)).next.firstResponseAtUtc).toBe(
      '2026-07-20T10:00:00.000Z',
    );
  });

  it('the lead officer and any officer may respond; another member may not', () => {
    expect('change' in decideResponse(aChallenge(), leadSam, input({ response: 'ok' }), now)).toBe(true);
    expect('change' in decideResponse(aChallenge(), officerAlex, input({ response: 'ok' }), now)).toBe(true);
    expect(refusal(decideResponse(aChallenge(), cllrOutsider, input({ response: 'ok' }), now))).toMatchObject({ code: 'forbidden' });
  });

  it('a closed card refuses everything, even from an officer', () => {
    for (const status of ['informed', 'redirected'] as const) {
      expect(refusal(decideResponse(aChallenge({ status }), officerAlex, input({ response: 'late' }), now))).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/is closed/),
      });
    }
  });

  it('declining needs the explanation for the young people, and stores it', () => {
    expect(refusal(decideResponse(aChallenge(), leadSam, input({ status: 'declined' }), now))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/Say why/),
    });
    const { next, event } = applied(
      decideResponse(aChallenge(), leadSam, input({ status: 'declined', explanation: 'National rules set this.' }), now),
    );
    expect(next.explanation).toBe('National rules set this.');
    expect(event?.explanation).toBe('National rules set this.');
    expect(next.latestResponse).toBeUndefined();
  });

  it('refuses an explanation where none is wanted, but lets it be corrected before the young people are told', () => {
    expect(refusal(decideResponse(aChallenge(), leadSam, input({ response: 'x', explanation: 'why' }), now)).message).toMatch(
      /only for declining, redirecting or completing/,
    );
    const completed: Challenge = aChallenge({ status: 'completed', explanation: 'old' });
    expect(applied(decideResponse(completed, leadSam, input({ explanation: 'better' }), now)).next.explanation).toBe('better');
  });

  it('refuses an impossible move, and says so differently when the card changed meanwhile', () => {
    const inProgress = aChallenge({ status: 'in_progress', version: 5 });
    expect(refusal(decideResponse(inProgress, leadSam, input({ status: 'accepted' }, 5), now))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/cannot be marked accepted/),
    });
    expect(refusal(decideResponse(inProgress, leadSam, input({ status: 'accepted' }, 4), now))).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/While you had this card open it changed: it is now in progress/),
    });
  });

  it('choosing the current status is no move; nothing at all is refused', () => {
    const card = aChallenge({ status: 'accepted', version: 2 });
    const { next, event } = applied(decideResponse(card, leadSam, input({ response: 'Still on it', status: 'accepted' }, 2), now));
    expect(next.statusChanges).toHaveLength(1);
    expect(event?.toStatus).toBeUndefined();
    expect(refusal(decideResponse(card, leadSam, input({}, 2), now)).message).toBe('Write a response or choose a new status.');
    expect(refusal(decideResponse(card, leadSam, input({ status: 'nonsense' }, 2), now)).message).toBe(
      'Choose the new status from the list.',
    );
  });

  it("refuses a child's personal details in a response or explanation without echoing them", () => {
    const message = refusal(decideResponse(aChallenge(), leadSam, input({ response: 'Call her on 07700 900123' }), now)).message;
    expect(message).toMatch(/^Your response: This looks like it contains a phone number/);
    expect(message).not.toContain('07700');
    expect(
      refusal(decideResponse(aChallenge(), leadSam, input({ status: 'declined', explanation: 'born on 3 May' }), now)).message,
    ).toMatch(/^The explanation: .*date of birth/);
  });

  it('asks about a possible name, and takes it once confirmed for that card version, never skipping the other checks', () => {
    const card = aChallenge({ version: 3 });
    const asked = refusal(decideResponse(card, leadSam, input({ response: 'Jamie says the bus pass arrived.' }, 3), now));
    expect(asked.message).toMatch(/^Your response: This may contain a person's name/);
    expect(asked.message).not.toMatch(/jamie/i);
    const confirmation = asked.nameConfirmation!;
    expect(confirmation).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(
      applied(
        decideResponse(card, leadSam, input({ response: 'Jamie says the bus pass arrived.', confirmNotChildName: confirmation }, 3), now),
      ).next.latestResponse?.text,
    ).toBe('Jamie says the bus pass arrived.');
    // A new name, another card version or a forged "true" is asked about again.
    expect(
      refusal(
        decideResponse(card, leadSam, input({ response: 'Jamie and Tyler say it arrived.', confirmNotChildName: confirmation }, 3), now),
      ).nameConfirmation,
    ).toBeDefined();
    expect(
      refusal(decideResponse(card, leadSam, input({ response: 'Jamie says it arrived.', confirmNotChildName: confirmation }, 2), now))
        .nameConfirmation,
    ).toBeDefined();
    expect(
      refusal(decideResponse(card, leadSam, input({ response: 'Jamie says it arrived.', confirmNotChildName: 'true' }, 3), now))
        .nameConfirmation,
    ).toBeDefined();
    // Ticking the box never lets a phone number through.
    const phone = refusal(
      decideResponse(card, leadSam, input({ response: 'Jamie: 07700 900123', confirmNotChildName: confirmation }, 3), now),
    );
    expect(phone.message).toMatch(/a phone number/);
    expect(phone.nameConfirmation).toBeUndefined();
  });

  it("does not ask about the names of the card's own people", () => {
    expect(
      applied(decideResponse(aChallenge(), leadSam, input({ response: 'Priya Shah will take this to Cabinet.' }), now)).next.latestResponse,
    ).toBeDefined();
  });

  it('refuses over-long text', () => {
    expect(refusal(decideResponse(aChallenge(), leadSam, input({ response: 'x'.repeat(2001) }), now)).message).toMatch(
      /under 2000 characters/,
    );
  });
});

describe('respond data', () => {
  it('reads {reference, version} and the inputs; version may arrive as a string', () => {
    expect(parseRespondInput({ reference: 'CC-2026-014', version: '3', response: 'hi', status: 'accepted' })).toEqual({
      reference: 'CC-2026-014',
      version: 3,
      values: { response: 'hi', status: 'accepted', explanation: '', confirmNotChildName: '' },
    });
  });

  it.each([
    undefined,
    {},
    { reference: 'CC-26-1', version: 1 },
    { reference: 'CC-2026-014', version: -1 },
    { reference: 'CC-2026-014', version: 'x' },
    { reference: "CC-2026-014' or 1", version: 1 },
  ])('refuses unreadable card data %j', (data) => {
    expect(() => parseRespondInput(data)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('the response key identifies the response itself: person, card version and what it says', () => {
    const key = responseKey(input({ response: 'Raised with finance.', status: 'accepted' }, 3), cllrPriya);
    expect(key).toMatch(/^r\.[0-9a-f]{40}$/);
    expect(key).not.toContain(cllrPriya.aadObjectId);
    expect(responseKey(input({ response: ' Raised with finance. ', status: 'accepted' }, 3), cllrPriya)).toBe(key); // a double click
    expect(responseKey(input({ response: 'Raised with finance.', status: 'in_progress' }, 3), cllrPriya)).not.toBe(key);
    expect(responseKey(input({ response: 'Raised with finance!', status: 'accepted' }, 3), cllrPriya)).not.toBe(key);
    expect(responseKey(input({ response: 'Raised with finance.', status: 'accepted' }, 4), cllrPriya)).not.toBe(key);
    expect(responseKey(input({ response: 'Raised with finance.', status: 'accepted' }, 3), leadSam)).not.toBe(key);
    expect(responseKey(input({ response: 'x', status: '' }), cllrPriya)).toBe(
      responseKey(input({ response: 'x', status: 'keep' }), cllrPriya),
    );
  });
});
