// The Members' Calendar and the Member Bulletin, which cover both meetings and events.
export type { CalendarServices } from './calendar-services';
export { CalendarTokens } from './data/calendar-tokens';
export type { CalendarScope } from './data/calendar-tokens';
export { CalendarFeed } from './calendar-feed';
export { MemberBulletin } from './member-bulletin';
export { BulletinOptOuts } from './data/bulletin-opt-outs';
export { BulletinSender } from './bulletin-sender';
export { calendarFeature } from './teams/calendar-feature';
export { parseBulletinSchedule } from './domain/bulletin-schedule';
export type { BulletinSchedule } from './domain/bulletin-schedule';
export { eventIcsFileName, eventToIcs } from './domain/members-calendar';
export { calendarPersonalData } from './data/calendar-personal-data';
