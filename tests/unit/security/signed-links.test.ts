import { SignedLinks } from '../../../src/platform/security/signed-links';
import { ManualClock } from '../../../src/platform/time/clock';

const secret = 'x'.repeat(40);
const grant = { purpose: 'attendees-csv', subject: 'ev-123', aadObjectId: 'officer-1' };

describe('SignedLinks', () => {
  it('verifies its own link until it expires', () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const links = new SignedLinks(secret, clock);
    const params = links.sign(grant);
    expect(links.verify('attendees-csv', 'ev-123', params)).toEqual(grant);
    clock.advance({ minutes: 61 });
    expect(links.verify('attendees-csv', 'ev-123', params)).toBeUndefined();
  });

  it('refuses a link for another subject, purpose or person, a changed expiry, or another secret', () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const links = new SignedLinks(secret, clock);
    const params = links.sign(grant);
    expect(links.verify('attendees-csv', 'ev-999', params)).toBeUndefined();
    expect(links.verify('challenge-report-csv', 'ev-123', params)).toBeUndefined();
    const otherPerson = new URLSearchParams(params);
    otherPerson.set('for', 'member-2');
    expect(links.verify('attendees-csv', 'ev-123', otherPerson)).toBeUndefined();
    const later = new URLSearchParams(params);
    later.set('expires', String(Number(params.get('expires')) + 86400));
    expect(links.verify('attendees-csv', 'ev-123', later)).toBeUndefined();
    expect(new SignedLinks('y'.repeat(40), clock).verify('attendees-csv', 'ev-123', params)).toBeUndefined();
    expect(links.verify('attendees-csv', 'ev-123', new URLSearchParams())).toBeUndefined();
  });

  it('refuses a short secret', () => {
    expect(() => new SignedLinks('short', new ManualClock('2026-11-23T09:00:00Z'))).toThrow('at least 32');
  });
});
