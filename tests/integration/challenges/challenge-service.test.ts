import { Duration } from 'luxon';
import { ChallengeResponseError } from '../../../src/features/challenges/challenge-service';
import { quarterPeriod } from '../../../src/features/challenges/domain/challenge-report-period';
import { cllrMartin, cllrOutsider, cllrPriya, leadSam, officerAlex } from '../../unit/challenges/challenge-fixtures';
import { challengeRig, formData, respond } from './challenge-rig';

async function refusalOf(promise: Promise<unknown>): Promise<ChallengeResponseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChallengeResponseError) return error;
    throw error;
  }
  throw new Error('expected a ChallengeResponseError');
}

describe('challenge cards against Azurite', () => {
  it('20 concurrent creates get 20 distinct, sequential references with nothing skipped', async () => {
    const rig = await challengeRig();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => rig.service.create(officerAlex, formData({ title: `Challenge ${i}` }))),
    );
    const references = results.map((r) => r.view.challenge.reference).sort();
    expect(references).toEqual(Array.from({ length: 20 }, (_, i) => `CC-2026-${String(i + 1).padStart(3, '0')}`));
    expect(results.every((r) => r.outcome === 'created')).toBe(true);
    const all = await rig.service.list({ status: 'all', overdue: false });
    expect(all).toHaveLength(20);
    const next = await rig.service.create(officerAlex, formData());
    expect(next.view.challenge.reference).toBe('CC-2026-021');
  }, 60_000);

  it('numbers each year from 001, in the partition of the year raised', async () => {
    const rig = await challengeRig();
    const old = await rig.service.create(officerAlex, formData({ raisedOn: '2025-12-30', dueOn: '2026-01-30' }));
    const now = await rig.service.create(officerAlex, formData());
    expect([old.view.challenge.reference, now.view.challenge.reference]).toEqual(['CC-2025-001', 'CC-2026-001']);
    expect(await rig.repository.years()).toEqual([2025, 2026]);
    expect(old.view.history.map((e) => e.kind)).toEqual(['created']);
    expect(old.view.challenge.statusChanges).toEqual([{ status: 'received', atUtc: '2025-12-30T00:00:00.000Z' }]);
  });

  it('a double click on "Create" makes one card', async () => {
    const rig = await challengeRig();
    const form = formData();
    const [a, b] = await Promise.all([rig.service.create(officerAlex, form), rig.service.create(officerAlex, form)]);
    const c = await rig.service.create(officerAlex, form);
    expect(new Set([a.view.challenge.reference, b.view.challenge.reference, c.view.challenge.reference])).toEqual(new Set(['CC-2026-001']));
    expect([a.outcome, b.outcome, c.outcome].filter((o) => o === 'created')).toHaveLength(1);
    expect(await rig.service.list({ status: 'all', overdue: false })).toHaveLength(1);
  });

  it('only officers create; personal data is refused before anything is stored', async () => {
    const rig = await challengeRig();
    await expect(rig.service.create(cllrPriya, formData())).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rig.service.create(officerAlex, formData({ words: 'Ring Jamie on 07700 900123' }))).rejects.toMatchObject({
      name: 'ChallengeFormError',
      fieldErrors: { words: expect.stringMatching(/a phone number/) },
    });
    await expect(rig.service.create(officerAlex, { ...formData(), formId: 'bad|id' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await rig.service.list({ status: 'all', overdue: false })).toEqual([]);
  });

  it('concurrent responses to the same card version are both kept, applied one after the other', async () => {
    const rig = await challengeRig();
    const { reference } = (await rig.service.create(officerAlex, formData())).view.challenge;
    rig.clock.advance({ hours: 1 });
    const [priya, martin] = await Promise.all([
      respond(rig, cllrPriya, reference, 1, { response: 'I will raise it at Cabinet.', status: 'accepted' }),
      respond(rig, cllrMartin, reference, 1, { response: 'Finance have the figures.' }),
    ]);
    expect([priya.outcome, martin.outcome]).toEqual(['recorded', 'recorded']);
    const view = await rig.service.view(leadSam, reference);
    expect(view.challenge.version).toBe(3);
    expect(view.challenge.status).toBe('accepted');
    expect(
      view.history
        .map((e) => e.text)
        .filter(Boolean)
        .sort(),
    ).toEqual(['Finance have the figures.', 'I will raise it at Cabinet.']);
    expect(view.history.map((e) => e.kind)).toEqual(['created', 'response', 'response']);
  });

  it('a double submit of the same response records it once', async () => {
    const rig = await challengeRig();
    const { reference } = (await rig.service.create(officerAlex, formData())).view.challenge;
    const click = () => respond(rig, cllrPriya, reference, 1, { response: 'On it.', status: 'accepted' });
    const outcomes = await Promise.all([click(), click(), click()]);
    const late = await click();
    expect([...outcomes, late].map((o) => o.outcome).sort()).toEqual([
      'already_recorded',
      'already_recorded',
      'already_recorded',
      'recorded',
    ]);
    const view = await rig.service.view(cllrPriya, reference);
    expect(view.history.filter((e) => e.kind === 'response')).toHaveLength(1);
    expect(view.challenge.version).toBe(2);
    expect(late.view.challenge.status).toBe('accepted');
  });

  it('records a second, different response made from an older copy of the card', async () => {
    const rig = await challengeRig();
    const { reference } = (await rig.service.create(officerAlex, formData())).view.challenge;
    const first = await respond(rig, cllrPriya, reference, 1, { response: 'First update', status: 'accepted' });
    rig.clock.advance({ minutes: 5 });
    // Another device still shows version 1.
    const second = await respond(rig, cllrPriya, reference, 1, { response: 'Second update', status: 'in_progress' });
    expect([first.outcome, second.outcome]).toEqual(['recorded', 'recorded']);
    const view = await rig.service.view(leadSam, reference);
    expect(view.challenge).toMatchObject({ version: 3, status: 'in_progress', latestResponse: { text: 'Second update' } });
    expect(view.history.filter((e) => e.kind === 'response').map((e) => [e.text, e.toStatus])).toEqual([
      ['First update', 'accepted'],
      ['Second update', 'in_progress'],
    ]);
  });

  it('a Teams retry of the same response, after a later one, still records nothing new', async () => {
    const rig = await challengeRig();
    const { reference } = (await rig.service.create(officerAlex, formData())).view.challenge;
    await respond(rig, cllrPriya, reference, 1, { response: 'First update', status: 'accepted' });
    await respond(rig, cllrMartin, reference, 2, { response: 'Finance have the figures.' });
    const retry = await respond(rig, cllrPriya, reference, 1, { response: 'First update', status: 'accepted' });
    expect(retry.outcome).toBe('already_recorded');
    expect((await rig.service.view(leadSam, reference)).history.filter((e) => e.kind === 'response')).toHaveLength(2);
  });

  it('an 8-way race of double clicks and distinct responses keeps every distinct response exactly once', async () => {
    const rig = await challengeRig();
    const { reference } = (await rig.service.create(officerAlex, formData())).view.challenge;
    const sends = [
      () => respond(rig, cllrPriya, reference, 1, { response: 'Raised with finance.', status: 'accepted' }),
      () => respond(rig, cllrPriya, reference, 1, { response: 'Raised with finance.', status: 'accepted' }),
      () => respond(rig, cllrPriya, reference, 1, { response: 'Cabinet member briefed.' }),
      () => respond(rig, cllrPriya, reference, 1, { response: 'Cabinet member briefed.' }),
      () => respond(rig, cllrPriya, reference, 1, { response: 'Cabinet member briefed.' }),
      () => respond(rig, cllrMartin, reference, 1, { response: 'Figures due Friday.' }),
      () => respond(rig, cllrMartin, reference, 1, { response: 'Figures due Friday.' }),
      () => respond(rig, leadSam, reference, 1, { response: 'Thanks both.' }),
    ];
    const outcomes = await Promise.all(sends.map((send) => send()));
    expect(outcomes.filter((o) => o.outcome === 'recorded')).toHaveLength(4);
    const view = await rig.service.view(leadSam, reference);
    const texts = view.history
      .filter((e) => e.kind === 'response')
      .map((e) => e.text)
      .sort();
    expect(texts).toEqual(['Cabinet member briefed.', 'Figures due Friday.', 'Raised with finance.', 'Thanks both.']);
    expect(view.challenge).toMatchObject({ version: 5, status: 'accepted' });
  }, 60_000);

  it('of two people moving the same version in incompatible ways, one wins and the other is told it changed', async () => {
    const rig = await challengeRig();
    const { reference } = (await rig.service.create(officerAlex, formData())).view.challenge;
    const results = await Promise.allSettled([
      respond(rig, leadSam, reference, 1, { status: 'declined', explanation: 'National rules set this.' }),
      respond(rig, cllrPriya, reference, 1, { response: 'Yes', status: 'accepted' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({
      code: 'conflict',
      userMessage: expect.stringMatching(/While you had this card open it changed/),
    });
    const view = await rig.service.view(leadSam, reference);
    expect(view.history.filter((e) => e.kind === 'response')).toHaveLength(1);
  });

  it('a closed card refuses a response and shows its current state, read-only', async () => {
    const rig = await challengeRig();
    const { reference } = (await rig.service.create(officerAlex, formData())).view.challenge;
    await respond(rig, leadSam, reference, 1, { status: 'declined', explanation: 'National rules set this, so Kent cannot change it.' });
    const informed = await respond(rig, leadSam, reference, 2, {
      response: 'Told the Young Adult Council on 3 September.',
      status: 'informed',
    });
    expect(informed.view).toMatchObject({ challenge: { status: 'informed' }, viewerMayRespond: false });
    const refused = await refusalOf(respond(rig, cllrPriya, reference, 3, { response: 'One more thing' }));
    expect(refused).toMatchObject({
      code: 'conflict',
      view: { challenge: { status: 'informed', version: 3 }, viewerMayRespond: false },
      values: { response: 'One more thing' },
    });
    expect((await rig.service.view(leadSam, reference)).history).toHaveLength(3);
  });

  it('someone not involved sees the card read-only and cannot respond', async () => {
    const rig = await challengeRig();
    const { reference } = (await rig.service.create(officerAlex, formData())).view.challenge;
    expect((await rig.service.view(cllrOutsider, reference)).viewerMayRespond).toBe(false);
    expect((await rig.service.view(cllrPriya, reference)).viewerMayRespond).toBe(true);
    const refused = await refusalOf(respond(rig, cllrOutsider, reference, 1, { response: 'me too' }));
    expect(refused).toMatchObject({ code: 'forbidden', view: { viewerMayRespond: false } });
    await expect(rig.service.view(cllrOutsider, 'CC-2026-999')).rejects.toMatchObject({ code: 'not_found' });
    await expect(rig.service.view(cllrOutsider, "CC-2026-001' or ''='")).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists: mine, open, by status, priority area and overdue', async () => {
    const rig = await challengeRig();
    const mine = (await rig.service.create(officerAlex, formData({ dueOn: '2026-08-10', priorityArea: 'healthy' }))).view.challenge
      .reference;
    const notMine = (await rig.service.create(officerAlex, formData({ assignees: cllrMartin.aadObjectId, dueOn: '2026-08-20' }))).view
      .challenge.reference;
    const done = (await rig.service.create(officerAlex, formData({ raisedOn: '2026-07-20', dueOn: '2026-08-01' }))).view.challenge
      .reference;
    await respond(rig, leadSam, done, 1, { status: 'redirected', explanation: "Passed to the young person's personal adviser." });
    expect((await rig.service.listMine(cllrPriya)).map((c) => c.reference)).toEqual([mine]);
    expect((await rig.service.listMine(leadSam)).map((c) => c.reference)).toEqual([mine, notMine]);
    expect((await rig.service.list({ status: 'open', overdue: false })).map((c) => c.reference)).toEqual([mine, notMine]);
    expect((await rig.service.list({ status: 'redirected', overdue: false })).map((c) => c.reference)).toEqual([done]);
    expect((await rig.service.list({ status: 'all', priorityArea: 'healthy', overdue: false })).map((c) => c.reference)).toEqual([mine]);
    expect(await rig.service.list({ status: 'open', overdue: true })).toEqual([]);
    rig.clock.advance({ days: 1 });
    expect((await rig.service.list({ status: 'open', overdue: true })).map((c) => c.reference)).toEqual([mine]);
  });

  it('nudges an overdue card at most once per interval, and never a finished one', async () => {
    const rig = await challengeRig();
    const week = Duration.fromISO('P7D');
    const late = (await rig.service.create(officerAlex, formData({ dueOn: '2026-08-10' }))).view.challenge.reference;
    const finished = (await rig.service.create(officerAlex, formData({ raisedOn: '2026-08-01', dueOn: '2026-08-05' }))).view.challenge
      .reference;
    await respond(rig, leadSam, finished, 1, { status: 'declined', explanation: 'Not something the council controls.' });
    expect(await rig.service.dueForNudge(rig.clock.now(), week)).toEqual([]);
    rig.clock.advance({ days: 3 });
    const due = await rig.service.dueForNudge(rig.clock.now(), week);
    expect(due).toEqual([
      {
        reference: late,
        title: 'Help with council tax for care leavers',
        dueOn: '2026-08-10',
        daysOverdue: 3,
        recipients: [
          expect.objectContaining({ aadObjectId: leadSam.aadObjectId }),
          expect.objectContaining({ aadObjectId: cllrPriya.aadObjectId }),
          expect.objectContaining({ aadObjectId: cllrMartin.aadObjectId }),
        ],
      },
    ]);
    const claims = await Promise.all([
      rig.service.recordNudged(late, rig.clock.now(), week),
      rig.service.recordNudged(late, rig.clock.now(), week),
    ]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await rig.service.dueForNudge(rig.clock.now(), week)).toEqual([]);
    rig.clock.advance({ days: 6, hours: 23 });
    expect(await rig.service.dueForNudge(rig.clock.now(), week)).toEqual([]);
    rig.clock.advance({ hours: 1 });
    expect((await rig.service.dueForNudge(rig.clock.now(), week)).map((n) => n.daysOverdue)).toEqual([10]);
    const before = await rig.service.view(leadSam, late);
    expect(before.challenge.version).toBe(1); // a nudge is not a response: open cards keep working
  });

  it('a period report reads only the cards open in the period', async () => {
    const rig = await challengeRig('2025-03-01T10:00:00Z');
    const longDone = (await rig.service.create(officerAlex, formData({ raisedOn: '2025-03-01', dueOn: '2025-04-01' }))).view.challenge
      .reference;
    await respond(rig, leadSam, longDone, 1, { status: 'declined', explanation: 'Outside our powers.' });
    await respond(rig, leadSam, longDone, 2, { status: 'informed' });
    const carried = (await rig.service.create(officerAlex, formData({ raisedOn: '2025-03-01', dueOn: '2026-12-01' }))).view.challenge
      .reference;
    rig.clock.set(rig.clock.now().set({ year: 2026, month: 7, day: 3 }));
    await respond(rig, cllrPriya, carried, 1, { status: 'accepted' });
    const fresh = (await rig.service.create(officerAlex, formData({ raisedOn: '2026-07-01', dueOn: '2026-07-20' }))).view.challenge
      .reference;
    rig.clock.advance({ days: 2 });
    await respond(rig, cllrMartin, fresh, 1, { response: 'Looking into it.', status: 'accepted' });
    await respond(rig, leadSam, fresh, 2, { status: 'completed', explanation: 'Care leavers now get council tax help until 25.' });
    rig.clock.set(rig.clock.now().set({ month: 10, day: 2 }));
    await rig.service.create(officerAlex, formData({ raisedOn: '2026-10-01', dueOn: '2026-11-01' }));

    const period = quarterPeriod(2026, 3);
    const read = await rig.repository.listSummaries({ raisedBefore: period.endExclusive, openOn: period.start });
    expect(read.map((s) => s.reference).sort()).toEqual([carried, fresh].sort());
    const report = await rig.service.report(period);
    expect(report).toMatchObject({
      inScope: 2,
      raised: 1,
      completed: 1,
      overdue: 0,
      averageDaysToFirstResponse: 4,
      responded: 1,
      awaitingFirstResponse: 0,
    });
    expect(report.outcomes).toEqual([
      {
        reference: fresh,
        title: 'Help with council tax for care leavers',
        completedOn: '2026-07-05',
        outcome: 'Care leavers now get council tax help until 25.',
      },
    ]);
    const csv = await rig.service.reportCsv(period);
    expect(csv.fileName).toBe('challenge-cards-Q3-2026.csv');
    expect(csv.csv.split('\r\n')).toHaveLength(4);
  });
});
