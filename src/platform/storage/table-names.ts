/** Every table the bot uses; each is created at start-up under the configured prefix. */
export const TABLES = [
  'members',
  'roles',
  'feedback',
  'jobs',
  'apologies',
  'meetings',
  'outbox',
  'unreachable',
  'reminderlog',
  'teams',
  'events',
  'rsvps',
  'eventinvites',
  'calendartokens',
  'bulletinoptouts',
  'challenges',
  'audit',
  'officerquestions',
  'officerentries',
  'attendance',
  'training',
  'keyfigures',
  'yousaidwedid',
  'privacy',
] as const;

export type TableName = (typeof TABLES)[number];
