import { createHash, randomBytes } from 'node:crypto';
import { RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { Actor } from '../../../shared/access/actor';
import { assertValidKey, isNotFound } from '../../../platform/storage/keys';
import type { Clock } from '../../../platform/time/clock';
import { requirePermission } from '../../../shared/access/policy';

/** Whose calendar a feed address opens: one member's, or the officers' shared one (everything). */
export type CalendarScope = { kind: 'member'; aadObjectId: string } | { kind: 'officers' };

/** 32 random bytes in base64url: 43 characters, no padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const PARTITION = 'calendar';
const MAX_ATTEMPTS = 5;

type TokenEntity = {
  partitionKey: string;
  rowKey: string;
  scope: 'member' | 'officers';
  aadObjectId?: string;
  issuedAtUtc: string;
};

type OwnerEntity = {
  partitionKey: string;
  rowKey: string;
  tokenHash: string;
  issuedAtUtc: string;
};

/** A fresh feed token: 32 bytes from the CSPRNG, url-safe. */
export function newCalendarToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of the token (hex sha256): a leaked table does not reveal any feed address. */
export function hashCalendarToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Secret calendar feed addresses (table `calendartokens`, one partition):
 *
 *   RowKey 'h|<sha256 of token>'                    -> whose feed it opens
 *   RowKey 'o|member|<aadObjectId>' or 'o|officers' -> the hash of the owner's current token
 *
 * Only hashes are stored, so a token is shown once, when issued; asking again rotates it (the old
 * address stops working), which is also how a leaked address is withdrawn. A 256-bit random
 * token needs no slow hash: it cannot be guessed, only leaked. Both rows share a partition, so a
 * rotation swaps them in one transaction guarded by the owner row's ETag.
 */
export class CalendarTokens {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  /** A new secret token for the actor's own feed, or (officers only) the officers' feed; any previous one stops working. */
  async issue(actor: Actor, kind: CalendarScope['kind']): Promise<string> {
    const scope = scopeFor(actor, kind);
    for (let attempt = 1; ; attempt++) {
      const token = newCalendarToken();
      try {
        await this.swap(scope, hashCalendarToken(token));
        return token;
      } catch (error) {
        if (!isRace(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Whether the actor already has a live token (then offer to rotate rather than silently breaking a subscription). */
  async hasToken(actor: Actor, kind: CalendarScope['kind']): Promise<boolean> {
    return (await this.owner(scopeFor(actor, kind))) !== undefined;
  }

  /** Withdraws the token; true when there was one. */
  async revoke(actor: Actor, kind: CalendarScope['kind']): Promise<boolean> {
    const scope = scopeFor(actor, kind);
    for (let attempt = 1; ; attempt++) {
      const owner = await this.owner(scope);
      if (!owner) return false;
      try {
        // Deletes in a transaction take no ETag; a rotation in between removes the old token row, so this fails with 404 and reads again.
        await this.table.submitTransaction([
          ['delete', { partitionKey: PARTITION, rowKey: `h|${owner.tokenHash}` }],
          ['delete', { partitionKey: PARTITION, rowKey: ownerKey(scope) }],
        ]);
        return true;
      } catch (error) {
        if (!isRace(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Whose feed a token opens; undefined for anything else (malformed, rotated, revoked). */
  async resolve(token: unknown): Promise<CalendarScope | undefined> {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return undefined;
    try {
      const entity = await this.table.getEntity<TokenEntity>(PARTITION, `h|${hashCalendarToken(token)}`);
      if (entity.scope === 'officers') return { kind: 'officers' };
      return entity.aadObjectId ? { kind: 'member', aadObjectId: entity.aadObjectId } : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async swap(scope: CalendarScope, tokenHash: string): Promise<void> {
    const issuedAtUtc = this.clock.now().toUTC().toISO()!;
    const current = await this.owner(scope);
    const tokenRow: TokenEntity = { partitionKey: PARTITION, rowKey: `h|${tokenHash}`, scope: scope.kind, issuedAtUtc };
    if (scope.kind === 'member') tokenRow.aadObjectId = scope.aadObjectId;
    const ownerRow: OwnerEntity = { partitionKey: PARTITION, rowKey: ownerKey(scope), tokenHash, issuedAtUtc };
    const actions: TransactionAction[] = [['create', tokenRow]];
    if (current) {
      actions.push(['delete', { partitionKey: PARTITION, rowKey: `h|${current.tokenHash}` }]);
      actions.push(['update', ownerRow, 'Replace', { etag: current.etag }]);
    } else {
      actions.push(['create', ownerRow]);
    }
    await this.table.submitTransaction(actions);
  }

  private async owner(scope: CalendarScope): Promise<(OwnerEntity & { etag: string }) | undefined> {
    try {
      return await this.table.getEntity<OwnerEntity>(PARTITION, ownerKey(scope));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}

function scopeFor(actor: Actor, kind: CalendarScope['kind']): CalendarScope {
  if (kind === 'member') return { kind: 'member', aadObjectId: assertValidKey(actor.aadObjectId, 'aadObjectId') };
  requirePermission(actor, 'calendar.officers');
  return { kind: 'officers' };
}

function ownerKey(scope: CalendarScope): string {
  return scope.kind === 'officers' ? 'o|officers' : `o|member|${scope.aadObjectId}`;
}

/** Another rotation got in first: its ETag moved (412), its row exists (409) or the old token row is gone (404). */
function isRace(error: unknown): boolean {
  return error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412 || error.statusCode === 404);
}
