import { createHash, randomBytes } from 'node:crypto';
import { RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { type AccessSubject, requirePermission } from '../../../shared/access/policy';
import { assertValidKey, isNotFound } from '../../../platform/storage/keys';
import type { Clock } from '../../../platform/time/clock';

/**
 * What a feed address opens: one person's calendar, or nothing any more (`withdrawn`: revoked,
 * replaced by a newer link, or the shared officers' address an earlier version handed out).
 */
export type CalendarScope = { kind: 'member'; aadObjectId: string } | { kind: 'withdrawn' };

/** Why an address stopped working, kept (without the person's id) on its tombstone. */
export type RevocationReason = 'replaced' | 'role changed' | 'uninstalled' | 'erased' | 'by request';

/** 32 random bytes in base64url: 43 characters, no padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const PARTITION = 'calendar';
const MAX_ATTEMPTS = 5;

const liveTokenSchema = z.object({ scope: z.literal('member'), aadObjectId: z.string().min(1), issuedAtUtc: z.string() });
const ownerSchema = z.object({ tokenHash: z.string().regex(/^[0-9a-f]{64}$/), issuedAtUtc: z.string() });

/** A fresh feed token: 32 bytes from the CSPRNG, url-safe. */
export function newCalendarToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of the token (hex sha256): a leaked table does not reveal any feed address. */
export function hashCalendarToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Secret calendar feed addresses, one per person (table `calendartokens`, one partition):
 *
 *   RowKey 'h|<sha256 of token>'     -> whose feed it opens, or a tombstone once withdrawn
 *   RowKey 'o|member|<aadObjectId>'  -> the hash of that person's current token
 *
 * Only hashes are stored, so a token is shown once, when issued; asking again replaces it (the
 * old address then answers 410 Gone), which is also how a leaked address is withdrawn. Each
 * person's rows are their own: one person rotating or losing their link never touches another's.
 * A withdrawn address keeps a tombstone (when, why; no person's id) so calendar apps are told
 * it is gone rather than "not found". A 256-bit random token needs no slow hash: it cannot be
 * guessed, only leaked. The rows share a partition, so each swap is one transaction.
 *
 * Rows from the earlier shared officers' feed (`o|officers`, token rows with scope `officers`)
 * are no longer honoured: their address answers 410 Gone.
 */
export class CalendarTokens {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  /** A new secret token for the actor's own feed; any previous one stops working. */
  async issue(actor: AccessSubject): Promise<string> {
    requirePermission(actor, 'calendar.own');
    const ownerKey = ownerKeyOf(actor.aadObjectId);
    for (let attempt = 1; ; attempt++) {
      const token = newCalendarToken();
      try {
        await this.swap(actor.aadObjectId, ownerKey, hashCalendarToken(token));
        return token;
      } catch (error) {
        if (!isRace(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Whether the person already has a live token (then offer to rotate rather than silently breaking a subscription). */
  async hasToken(aadObjectId: string): Promise<boolean> {
    return (await this.owner(ownerKeyOf(aadObjectId))) !== undefined;
  }

  /**
   * Withdraws the person's address, whatever they may see (role changed, uninstalled, erased, or
   * asked); true when they had one. Nothing of the person is left in the table afterwards.
   */
  async revokeFor(aadObjectId: string, reason: RevocationReason = 'by request'): Promise<boolean> {
    const ownerKey = ownerKeyOf(aadObjectId);
    for (let attempt = 1; ; attempt++) {
      const owner = await this.owner(ownerKey);
      if (!owner) return false;
      try {
        // The token row is replaced under its ETag: a rotation in between moves it, this fails, and the loop reads again.
        const actions: TransactionAction[] = [['delete', { partitionKey: PARTITION, rowKey: ownerKey }]];
        if (owner.tokenEtag) actions.unshift(['update', this.tombstone(owner.tokenHash, reason), 'Replace', { etag: owner.tokenEtag }]);
        await this.table.submitTransaction(actions);
        return true;
      } catch (error) {
        if (!isRace(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Whose feed a token opens; `withdrawn` for an address that once worked; undefined for anything else. */
  async resolve(token: unknown): Promise<CalendarScope | undefined> {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return undefined;
    try {
      const entity = await this.table.getEntity(PARTITION, `h|${hashCalendarToken(token)}`);
      const live = liveTokenSchema.safeParse(entity);
      return live.success ? { kind: 'member', aadObjectId: live.data.aadObjectId } : { kind: 'withdrawn' };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async swap(aadObjectId: string, ownerKey: string, tokenHash: string): Promise<void> {
    const issuedAtUtc = this.clock.now().toUTC().toISO()!;
    const current = await this.owner(ownerKey);
    const tokenRow = { partitionKey: PARTITION, rowKey: `h|${tokenHash}`, scope: 'member', aadObjectId, issuedAtUtc };
    const ownerRow = { partitionKey: PARTITION, rowKey: ownerKey, tokenHash, issuedAtUtc };
    const actions: TransactionAction[] = [['create', tokenRow]];
    if (current) {
      if (current.tokenEtag)
        actions.push(['update', this.tombstone(current.tokenHash, 'replaced'), 'Replace', { etag: current.tokenEtag }]);
      actions.push(['update', ownerRow, 'Replace', { etag: current.etag }]);
    } else {
      actions.push(['create', ownerRow]);
    }
    await this.table.submitTransaction(actions);
  }

  private tombstone(tokenHash: string, reason: RevocationReason) {
    return { partitionKey: PARTITION, rowKey: `h|${tokenHash}`, scope: 'revoked', reason, revokedAtUtc: this.clock.now().toUTC().toISO()! };
  }

  /** The owner row and the ETag of the token row it points at (both guard a swap; no token ETag when that row is missing). */
  private async owner(ownerKey: string): Promise<{ tokenHash: string; etag: string; tokenEtag?: string } | undefined> {
    const entity = await this.find(ownerKey);
    if (!entity) return undefined;
    const owner = ownerSchema.parse(entity);
    const token = await this.find(`h|${owner.tokenHash}`);
    return { tokenHash: owner.tokenHash, etag: entity.etag, ...(token ? { tokenEtag: token.etag } : {}) };
  }

  private async find(rowKey: string): Promise<(Record<string, unknown> & { etag: string }) | undefined> {
    try {
      return await this.table.getEntity(PARTITION, rowKey);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}

function ownerKeyOf(aadObjectId: string): string {
  return `o|member|${assertValidKey(aadObjectId, 'aadObjectId')}`;
}

/** Another change got in first: an ETag moved (412), a row exists (409) or is gone (404). */
function isRace(error: unknown): boolean {
  return error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412 || error.statusCode === 404);
}
