import { DateTime } from 'luxon';
import { DeliveryError } from '../../../src/platform/delivery/delivery-error';
import { prepareMessage } from '../../../src/platform/delivery/prepared-message';
import { conversationKeyOf } from '../../../src/platform/delivery/conversation-reference';
import { ManualClock } from '../../../src/platform/time/clock';
import { teamsPersonalChatId } from '../../support/teams-ids';

const clock = new ManualClock('2026-11-23T09:00:00Z');
const reference = {
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  conversation: { id: teamsPersonalChatId('1') },
  channelId: 'msteams',
};
const base = {
  batchId: 'b',
  dedupeKey: 'k',
  recipient: { aadObjectId: 'u-1', conversationReference: reference },
  card: { type: 'AdaptiveCard', version: '1.5', body: [] },
};

function reason(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DeliveryError ? error.reason : 'other';
  }
}

describe('prepareMessage', () => {
  it('is due now unless a later instant is given', () => {
    expect(prepareMessage(base, clock).dueMs).toBe(clock.now().toMillis());
    const later = DateTime.fromISO('2026-11-24T08:00:00Z');
    expect(prepareMessage({ ...base, notBefore: later }, clock).dueMs).toBe(later.toMillis());
  });

  it('refuses messages that could never be sent, before anything is stored', () => {
    expect(reason(() => prepareMessage({ ...base, batchId: '' }, clock))).toBe('invalid_message');
    expect(
      reason(() => prepareMessage({ ...base, recipient: { aadObjectId: 'bad id with spaces', conversationReference: reference } }, clock)),
    ).toBe('invalid_message');
    expect(reason(() => prepareMessage({ ...base, recipient: { aadObjectId: 'u-1' } }, clock))).toBe('invalid_reference');
    expect(
      reason(() =>
        prepareMessage(
          { ...base, recipient: { aadObjectId: 'u-1', conversationReference: { conversation: { id: teamsPersonalChatId('1') } } } },
          clock,
        ),
      ),
    ).toBe('invalid_reference');
    expect(reason(() => prepareMessage({ ...base, card: { type: 'AdaptiveCard', body: 'x'.repeat(40_000) } }, clock))).toBe(
      'card_too_large',
    );
  });

  it('identifies a conversation by service URL and id, whatever the trailing slash or case of the host', () => {
    expect(conversationKeyOf(reference)).toBe(conversationKeyOf({ ...reference, serviceUrl: 'https://SMBA.trafficmanager.net/uk' }));
    expect(conversationKeyOf(reference)).not.toBe(conversationKeyOf({ ...reference, conversation: { id: teamsPersonalChatId('2') } }));
  });
});
