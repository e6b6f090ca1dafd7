import { AnswerFeedbackStore } from '../../../src/features/remit/data/answer-feedback-store';
import { ManualClock } from '../../../src/platform/time/clock';
import { testTableStore } from '../../support/test-storage';

describe('AnswerFeedbackStore against Azurite', () => {
  it('records one vote per member per answer (the latest wins) and totals by entry, least helpful first', async () => {
    const store = await testTableStore();
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const feedback = new AnswerFeedbackStore(store.client('feedback'), clock);
    await feedback.record({ entryId: 'tor-purpose', question: 'what is it for', helpful: true }, 'm-1');
    await feedback.record({ entryId: 'tor-purpose', question: 'what is it for', helpful: false }, 'm-1');
    clock.advance({ minutes: 1 });
    await feedback.record({ entryId: 'tor-purpose', question: 'why does it exist', helpful: false }, 'm-2');
    await feedback.record({ entryId: 'glossary-neet', question: 'neet', helpful: true }, 'm-1');
    await feedback.record({ entryId: 'glossary-neet', question: 'neet', helpful: true }, 'm-1');

    expect(await feedback.totals()).toEqual([
      { entryId: 'tor-purpose', helpful: 0, notHelpful: 2, recentUnhelpfulQuestions: ['why does it exist', 'what is it for'] },
      { entryId: 'glossary-neet', helpful: 1, notHelpful: 0, recentUnhelpfulQuestions: [] },
    ]);
  });

  it('counts one vote per member per answer whatever question text comes with it, and lets the member change it', async () => {
    const store = await testTableStore();
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const feedback = new AnswerFeedbackStore(store.client('feedback'), clock);
    for (let i = 0; i < 41; i++) {
      await feedback.record({ entryId: 'tor-purpose', question: `what is the panel for, take ${i}`, helpful: false }, 'm-stuffer');
      clock.advance({ seconds: 1 });
    }
    await feedback.record({ entryId: 'tor-purpose', question: 'what is it for', helpful: true }, 'm-2');
    expect(await feedback.totals()).toEqual([
      { entryId: 'tor-purpose', helpful: 1, notHelpful: 1, recentUnhelpfulQuestions: ['what is the panel for, take 40'] },
    ]);

    await feedback.record({ entryId: 'tor-purpose', question: 'changed my mind', helpful: true }, 'm-stuffer');
    expect(await feedback.totals()).toEqual([{ entryId: 'tor-purpose', helpful: 2, notHelpful: 0, recentUnhelpfulQuestions: [] }]);
    // Another answer is another vote.
    await feedback.record({ entryId: 'glossary-neet', question: 'neet', helpful: false }, 'm-stuffer');
    expect((await feedback.totals()).find((t) => t.entryId === 'glossary-neet')).toMatchObject({ notHelpful: 1 });
  });

  it('stores no member id in clear', async () => {
    const store = await testTableStore();
    const feedback = new AnswerFeedbackStore(store.client('feedback'), new ManualClock('2026-11-23T09:00:00Z'));
    await feedback.record({ entryId: 'tor-purpose', question: 'q', helpful: true }, 'member-object-id-123');
    const rows = [];
    for await (const row of store.client('feedback').listEntities()) rows.push(row);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('member-object-id-123');
  });
});
