import type { Activity } from 'botbuilder';
import { tenantOf } from './turn-identity';

export const ALLOWED_CHANNEL = 'msteams';

export type GateDecision = { admit: true } | { admit: false; reason: string };

/**
 * Drops activities from anywhere but Teams and, when an allow-list is configured, from any tenant
 * not on it. Botbuilder checks the token's signature but not the tenant: this is the tenant check.
 */
export function admitActivity(activity: Partial<Activity>, allowedTenantIds: readonly string[]): GateDecision {
  if (!activity.type) return { admit: false, reason: 'activity has no type' };
  if (activity.channelId !== ALLOWED_CHANNEL) return { admit: false, reason: `channel ${String(activity.channelId)} is not allowed` };
  if (allowedTenantIds.length === 0) return { admit: true };
  const tenant = tenantOf(activity);
  if (!tenant) return { admit: false, reason: 'activity carries no tenant id' };
  const allowed = allowedTenantIds.some((id) => id.toLowerCase() === tenant.toLowerCase());
  return allowed ? { admit: true } : { admit: false, reason: 'tenant is not on the allow-list' };
}
