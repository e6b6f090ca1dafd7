import { hasRole } from '../../../shared/access/actor';
import { type AccessSubject, may } from '../../../shared/access/policy';
import { type ParticipationEvent, audienceIncludes } from './event';

/** Someone looking at events: who they are and what they hold now. */
export type EventViewer = AccessSubject;

/**
 * Whether `viewer` may see `event` (its card, its place in their calendar and bulletin), decided
 * on their role now: officers see every event; panel members, councillors and officers see those
 * their role is invited to and any they were invited to; guests see none (the access matrix's
 * `events.respond`).
 */
export function eventVisibleTo(event: Pick<ParticipationEvent, 'audience'>, viewer: EventViewer, invited: boolean): boolean {
  if (!may(viewer, 'events.respond')) return false;
  return hasRole(viewer.role, 'officer') || invited || audienceIncludes(event.audience, viewer);
}
