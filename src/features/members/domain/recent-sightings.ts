import { Duration } from 'luxon';
import type { Clock } from '../../../platform/time/clock';
import type { MemberSighting } from './member';

const DEFAULT_CAPACITY = 10_000;

/**
 * Remembers, per instance, the last sighting written for each member, so a member asking five
 * questions in a minute costs one directory write, not five. A sighting is written again as soon
 * as anything in it changes (name, chat, tenant) or the window has passed, so "last seen" is
 * accurate to the window. Bounded: the oldest entries go first.
 */
export class RecentSightings {
  private readonly written = new Map<string, { fingerprint: string; atMs: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly window: Duration = Duration.fromObject({ minutes: 1 }),
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** True when this sighting should be written now (and remembers that it was). */
  shouldWrite(sighting: MemberSighting): boolean {
    const nowMs = this.clock.now().toMillis();
    const fingerprint = JSON.stringify([
      sighting.name,
      sighting.tenantId,
      sighting.teamsUserId,
      sighting.personalConversationReference ?? null,
    ]);
    const last = this.written.get(sighting.aadObjectId);
    if (last && last.fingerprint === fingerprint && nowMs - last.atMs < this.window.toMillis()) return false;
    this.written.delete(sighting.aadObjectId);
    this.written.set(sighting.aadObjectId, { fingerprint, atMs: nowMs });
    if (this.written.size > this.capacity) this.written.delete(this.written.keys().next().value!);
    return true;
  }

  /** After an uninstall: the next sighting must be written, to make the member active again. */
  forget(aadObjectId: string): void {
    this.written.delete(aadObjectId);
  }
}
