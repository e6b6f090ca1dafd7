// The audit trail: an append-only record of who did what to whom, read by administrators.
export { AuditLog } from './data/audit-log';
export { AuditDesk } from './audit-desk';
export type { AuditTrail } from './domain/audit-entry';
export { auditFeature } from './teams/audit-feature';
export { SYSTEM_ACTOR } from './domain/audit-entry';
export { auditPersonalData } from './data/audit-personal-data';
