import { createHmac, timingSafeEqual } from 'node:crypto';
import { DateTime, Duration } from 'luxon';
import type { Clock } from '../time/clock';

/** What a download link grants: one resource, to one person, until a time. */
export interface LinkGrant {
  /** e.g. 'attendees-csv' or 'challenge-report-csv'. */
  purpose: string;
  /** The resource, e.g. an event id or a report period. */
  subject: string;
  /** Who the link was made for; the server re-checks their role when the link is used. */
  aadObjectId: string;
}

const SAFE = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * Links the bot hands out in cards (Action.OpenUrl opens a browser, which carries no Teams
 * identity): an HMAC-SHA256 over the grant and its expiry, so a link cannot be forged, altered or
 * used after it lapses. The secret never leaves the server and is never logged.
 */
export class SignedLinks {
  constructor(
    private readonly secret: string,
    private readonly clock: Clock,
    private readonly lifetime: Duration = Duration.fromObject({ hours: 1 }),
  ) {
    if (secret.length < 32) throw new Error('the link-signing secret must be at least 32 characters');
  }

  /** Query-string parameters to append to the resource's URL. */
  sign(grant: LinkGrant): URLSearchParams {
    for (const value of [grant.purpose, grant.subject, grant.aadObjectId])
      if (!SAFE.test(value)) throw new Error('unsigned value has unsafe characters');
    const expires = String(this.clock.now().plus(this.lifetime).toSeconds() | 0);
    return new URLSearchParams({ for: grant.aadObjectId, expires, sig: this.signature(grant, expires) });
  }

  /** The grant when the parameters are genuine and unexpired for this purpose and subject; otherwise undefined. */
  verify(purpose: string, subject: string, params: URLSearchParams): LinkGrant | undefined {
    const aadObjectId = params.get('for') ?? '';
    const expires = params.get('expires') ?? '';
    const given = Buffer.from(params.get('sig') ?? '', 'base64url');
    if (!SAFE.test(aadObjectId) || !/^\d{1,12}$/.test(expires) || !SAFE.test(subject)) return undefined;
    const grant = { purpose, subject, aadObjectId };
    const expected = Buffer.from(this.signature(grant, expires), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (DateTime.fromSeconds(Number(expires)) <= this.clock.now()) return undefined;
    return grant;
  }

  private signature(grant: LinkGrant, expires: string): string {
    return createHmac('sha256', this.secret)
      .update([grant.purpose, grant.subject, grant.aadObjectId, expires].join('\n'))
      .digest('base64url');
  }
}
