import type { TableClient } from '@azure/data-tables';
import { OptOutList } from '../../../platform/storage/opt-out-list';
import type { Clock } from '../../../platform/time/clock';

/** Members who said "stop the bulletin" (table `bulletinoptouts`, partition `bulletin`, column `optedOutAtUtc`). */
export class BulletinOptOuts {
  private readonly list: OptOutList;

  constructor(
    table: TableClient,
    private readonly clock: Clock,
  ) {
    this.list = new OptOutList(table, 'bulletin', 'optedOutAtUtc');
  }

  optOut(aadObjectId: string): Promise<void> {
    return this.list.optOut(aadObjectId, this.clock.now().toUTC().toISO()!);
  }

  /** Back on the bulletin; true when they had opted out. */
  optIn(aadObjectId: string): Promise<boolean> {
    return this.list.optIn(aadObjectId);
  }

  isOptedOut(aadObjectId: string): Promise<boolean> {
    return this.list.isOptedOut(aadObjectId);
  }

  /** Everyone opted out, for filtering the weekly send. */
  optedOut(): Promise<Set<string>> {
    return this.list.optedOut();
  }

  /** The members who still want the bulletin. */
  async subscribers<T extends { aadObjectId: string }>(members: readonly T[]): Promise<T[]> {
    const out = await this.optedOut();
    return members.filter((member) => !out.has(member.aadObjectId));
  }
}
