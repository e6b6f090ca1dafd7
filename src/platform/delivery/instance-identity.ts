import { randomUUID } from 'node:crypto';

/**
 * Who holds a claim on an outbox row: the instance (a name that survives a restart: App
 * Service's WEBSITE_INSTANCE_ID, else the host name) and this boot of it (random per process
 * start). The name lets a restarted process recognise its previous boot's claims as dead at once;
 * the boot id tells that boot's claims from its own.
 */
export interface InstanceIdentity {
  name: string;
  bootId: string;
}

const UNSAFE = /[^A-Za-z0-9._-]+/g;
const MAX_NAME = 64;

/** An instance name fit for a table key: letters, digits, `.`, `_`, `-`; never empty. */
export function instanceNameFrom(raw: string | undefined): string {
  const name = (raw ?? '')
    .replace(UNSAFE, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME);
  return name.length > 0 ? name : 'instance';
}

export function newBoot(name: string): InstanceIdentity {
  return { name: instanceNameFrom(name), bootId: randomUUID() };
}

/** The `claimedBy` value of a boot's claims (and the suffix of its heartbeat row). */
export function claimantOf(identity: InstanceIdentity): string {
  return `${identity.name}|${identity.bootId}`;
}

/** The identity behind a claimant string; an older claimant without a boot id is a name alone. */
export function identityOf(claimant: string): InstanceIdentity {
  const bar = claimant.indexOf('|');
  return bar < 0 ? { name: claimant, bootId: '' } : { name: claimant.slice(0, bar), bootId: claimant.slice(bar + 1) };
}
