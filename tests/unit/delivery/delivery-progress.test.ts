import { tallyProgress } from '../../../src/platform/delivery/delivery-progress';

describe('tallyProgress', () => {
  it('counts states and failure reasons, and pending messages already retried', () => {
    const progress = tallyProgress('b', [
      { state: 'sent', reason: '', attempts: 1 },
      { state: 'sent', reason: '', attempts: 3 },
      { state: 'pending', reason: '', attempts: 0 },
      { state: 'pending', reason: '', attempts: 2 },
      { state: 'failed', reason: 'blocked_by_user', attempts: 1 },
      { state: 'failed', reason: 'blocked_by_user', attempts: 1 },
      { state: 'failed', reason: 'no_conversation_reference', attempts: 0 },
      { state: 'failed', reason: 'something-new', attempts: 1 },
    ]);
    expect(progress).toEqual({
      batchId: 'b',
      queued: 8,
      sent: 2,
      failed: 4,
      pending: 2,
      retrying: 1,
      failures: { blocked_by_user: 2, no_conversation_reference: 1, rejected: 1 },
    });
  });
});
