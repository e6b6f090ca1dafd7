import { JOB_KINDS, batchIds, dedupeKeys, jobKeys, legacyJobKeys } from '../../../src/shared/keys';

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
      teamInvitations: 'team-invitations',
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
    expect(jobKeys.trainingReminders('2026-12-01')).toBe('training-reminders|2026-12-01');
    expect(jobKeys.apologyNotice(meeting, 'aad-1')).toBe('apology-notice|mg-693-9001|aad-1');
    expect(jobKeys.retentionPurge('2026-12-01')).toBe('retention-purge|2026-12-01');
  });

  it('keeps the single keys recurring series had before one job per occurrence, each inside its series prefix', () => {
    expect(legacyJobKeys).toEqual({
      bulletin: 'bulletin|weekly',
      challengeNudges: 'challenge-nudges',
      challengeQuarterlyReport: 'challenge-quarterly-report',
      officerQuestionNudges: 'officer-question-nudges',
    });
    // The series prefix is the kind: a start-up that finds a legacy job plans no second series.
    for (const [series, key] of Object.entries(legacyJobKeys))
      expect(key.startsWith(JOB_KINDS[series as keyof typeof legacyJobKeys])).toBe(true);
  });

  it('keys one job per occurrence of a recurring series by its London date, and each page of a Team invitation', () => {
    expect(jobKeys.bulletin('2027-02-08')).toBe('bulletin|2027-02-08');
    expect(jobKeys.challengeNudges('2026-12-03')).toBe('challenge-nudges|2026-12-03');
    expect(jobKeys.challengeQuarterlyReport('2027-01-01')).toBe('challenge-quarterly-report|2027-01-01');
    expect(jobKeys.officerQuestionNudges('2026-12-03')).toBe('officer-question-nudges|2026-12-03');
    expect(jobKeys.teamInvitationsOf('ev-1', 2)).toBe('team-invitations|ev-1|v2|');
    expect(jobKeys.teamInvitationPage('ev-1', 2, 0)).toBe('team-invitations|ev-1|v2|p0');
  });

  it('keeps the dedupe keys of a batch that sends a member more than one message', () => {
    expect(dedupeKeys.bulletinPart('bulletin:2027-W06', 2, 'aad-1')).toBe('bulletin:2027-W06:part2:aad-1');
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
