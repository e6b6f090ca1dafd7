import type { DateTime } from 'luxon';
import type { TableName } from '../../platform/storage/table-names';
import {
  type DataSubject,
  type ErasureTally,
  type PersonalDataContribution,
  type PersonalDataSection,
  type Pseudonym,
  type PurgeCount,
  type RetentionSettings,
  addTallies,
} from '../../shared/personal-data';

/**
 * Every feature's personal-data contribution, asked in turn. Nothing here knows a table: each
 * contribution answers for its own, and `owners()` lets a test prove every table has one.
 */
export class PersonalDataRegistry {
  constructor(private readonly contributions: readonly PersonalDataContribution[]) {}

  /** The tables some contribution answers for. */
  owners(): ReadonlySet<TableName> {
    return new Set(this.contributions.flatMap((contribution) => contribution.tables));
  }

  async export(subject: DataSubject): Promise<PersonalDataSection[]> {
    const sections: PersonalDataSection[] = [];
    for (const contribution of this.contributions) sections.push(...(await contribution.export(subject)));
    return sections;
  }

  /** One contribution after another; a failure stops the erasure, which can run again (it is idempotent). */
  async erase(subject: DataSubject, pseudonym: Pseudonym): Promise<ErasureTally> {
    const tallies: ErasureTally[] = [];
    for (const contribution of this.contributions) tallies.push(await contribution.erase(subject, pseudonym));
    return addTallies(...tallies);
  }

  async purge(now: DateTime, retention: RetentionSettings): Promise<PurgeCount[]> {
    const counts: PurgeCount[] = [];
    for (const contribution of this.contributions) if (contribution.purge) counts.push(...(await contribution.purge(now, retention)));
    return counts;
  }
}
