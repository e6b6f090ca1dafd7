// The events feature as other features see it: participation events and their store.
export * from './domain/event';
export { EventRepository } from './data/event-repository';
export type { EventTimeline } from './data/event-repository';
export { EventInvitations } from './data/event-invitations';
export { EventDesk } from './event-desk';
export { eventsFeature } from './teams/events-feature';
export { eventVisibleTo } from './domain/event-visibility';
export type { EventViewer } from './domain/event-visibility';
export { RsvpBook } from './data/rsvp-book';
export { RSVP_LABELS } from './domain/rsvp';
export type { RsvpResponse } from './domain/rsvp';
export { EventRsvps } from './event-rsvps';
export { OfficerEvents } from './officer-events';
export { eventsPersonalData } from './data/events-personal-data';
