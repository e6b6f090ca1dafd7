// The meetings feature as other features see it: meetings, their store and their calendar form.
export * from './domain/meeting';
export { PANEL_NAME } from './domain/panel-name';
export { ICS_CONTENT_TYPE, addMeetingToCalendar, icsFileName, meetingToIcs, meetingsToIcs } from './domain/ics-export';
export type { IcsExportOptions } from './domain/ics-export';
export { MeetingRepository, MeetingConcurrencyError } from './data/meeting-repository';
export type { MeetingTimeline } from './data/meeting-repository';
export { MeetingDesk } from './meeting-desk';
export { meetingsFeature } from './teams/meetings-feature';
