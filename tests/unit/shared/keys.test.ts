import { JOB_KINDS, batchIds, jobKeys } from '../../../src/shared/keys';

/**
 * The formats below were in use before the keys module existed. Rows already in an outbox or a
 * jobs table carry them, so each must stay exactly as it is: a changed batch id sends a message
 * again, a changed job key plans a job twice.
 */
describe('persisted key formats', () => {
  const meeting = 'mg-693-9001';
  const start = '2026-03-17T14:00:00.000Z';

  it('keeps the job kinds', () => {
    expect(JOB_KINDS).toEqual({
      meetingReminder: 'meeting-reminder',
      meetingCancelled: 'meeting-cancelled',
      eventReminder: 'event-reminder',
      bulletin: 'bulletin',
      challengeNudges: 'challenge-nudges',
      challengeQuarterlyReport: 'challenge-quarterly-report',
      trainingReminders: 'training-reminders',
      officerQuestionNudges: 'officer-question-nudges',
      apologyNotice: 'apology-notice',
      retentionPurge: 'retention-purge',
    });
  });

  it('keeps the job keys', () => {
    expect(jobKeys.meetingRemindersOf(meeting)).toBe('meeting-reminder|mg-693-9001|');
    expect(jobKeys.meetingRemindersAt(meeting, start)).toBe('meeting-reminder|mg-693-9001|2026-03-17T14:00:00.000Z|');
    expect(jobKeys.meetingReminder(meeting, start, 'P7D')).toBe('meeting-reminder|mg-693-9001|2026-03-17T14:00:00.000Z|P7D');
    expect(jobKeys.meetingCancelled(meeting)).toBe('meeting-cancelled|mg-693-9001');
    expect(jobKeys.eventRemindersOf('ev-1')).toBe('event-reminder|ev-1|');
    expect(jobKeys.eventReminder('ev-1', start)).toBe('event-reminder|ev-1|2026-03-17T14:00:00.000Z');
    expect(jobKeys.bulletin).toBe('bulletin|weekly');
    expect(jobKeys.challengeNudges).toBe('challenge-nudges');
    expect(jobKeys.challengeQuarterlyReport).toBe('challenge-quarterly-report');
    expect(jobKeys.trainingReminders('2026-12-01')).toBe('training-reminders|2026-12-01');
    expect(jobKeys.officerQuestionNudges).toBe('officer-question-nudges');
    expect(jobKeys.apologyNotice(meeting, 'aad-1')).toBe('apology-notice|mg-693-9001|aad-1');
    expect(jobKeys.retentionPurge('2026-12-01')).toBe('retention-purge|2026-12-01');
  });

  it('keeps the delivery batch ids', () => {
    expect(batchIds.meetingReminder(meeting, start, 'P1D')).toBe('meeting-reminder|mg-693-9001|2026-03-17T14:00:00.000Z|P1D');
    expect(batchIds.meetingCancelled(meeting)).toBe('meeting-cancelled|mg-693-9001');
    expect(batchIds.apologyNotice(meeting, 'aad-1', '2026-03-10T09:03:00.000Z')).toBe('apologies:4c283099985d5fcd29986ab0ec4f3c2bf57303a4');
    expect(batchIds.eventVersion('ev-1', 0, 'invitation')).toBe('event:ev-1:v0:invitation');
    expect(batchIds.eventVersion('ev-1', 3, 'change')).toBe('event:ev-1:v3:change');
    expect(batchIds.eventReminder('ev-1', start)).toBe('event-reminder|ev-1|2026-03-17T14:00:00.000Z');
    expect(batchIds.bulletin('2026-W49')).toBe('bulletin:2026-W49');
    expect(batchIds.challengeCard('CC-2026-014', 'created')).toBe('challenge:CC-2026-014:created');
    expect(batchIds.challengeNudge('CC-2026-014', '2026-12-01')).toBe('challenge-nudge:CC-2026-014:2026-12-01');
    expect(batchIds.challengeReport('2026-07-01')).toBe('challenge-report:2026-07-01');
    expect(batchIds.trainingReminder('2026-12')).toBe('training-reminder:2026-12');
    expect(batchIds.youSaidWeDid(2026, 2)).toBe('you-said-we-did:2026:v2');
    expect(batchIds.officerQuestion('q-1', 0)).toBe('officer-question:q-1:0');
    expect(batchIds.officerAnswer('q-1')).toBe('officer-answer:q-1');
  });
});
