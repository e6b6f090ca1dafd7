import { type TableClient, odata } from '@azure/data-tables';
import { deleteWhere, readRows, scrubRows } from '../storage/personal-rows';
import { type PersonalDataContribution, addTallies, retentionCutoff } from '../../shared/personal-data';
import { SubjectMatcher } from '../../shared/text/subject-matcher';

export interface DeliveryTables {
  outbox: TableClient;
  unreachable: TableClient;
}

/**
 * The delivery outbox and the unreachable marks. A message to a person (its delivery record, and
 * while it waits its card and their chat's address) is theirs: deleted on erasure, and its record
 * RETENTION_DELIVERY_RECORDS after it was delivered or given up. A card waiting for someone else
 * that names the person (an officer's apology notice) has them taken out of it. A mark that Teams
 * could not reach someone goes with them, or after RETENTION_INACTIVE_MEMBERS.
 */
export function deliveryPersonalData(tables: DeliveryTables): PersonalDataContribution {
  return {
    tables: ['outbox', 'unreachable'],
    export: async (subject) => {
      const messages = await readRows(tables.outbox, odata`aadObjectId eq ${subject.aadObjectId}`);
      const marks = await readRows(tables.unreachable, odata`RowKey eq ${subject.aadObjectId}`);
      return [
        {
          kind: 'messages',
          title: 'Messages the bot sent you',
          description:
            'A delivery record of each reminder, invitation, notice or bulletin sent to you (what kind, when, whether it arrived), so nothing is sent twice; while a message waits, its card and the address of your chat.',
          retention: 'Deleted RETENTION_DELIVERY_RECORDS (default 90 days) after delivery.',
          records: messages
            .filter((row) => row.rowKey.startsWith('m_'))
            .map((row) => ({
              batch: row.batchId,
              state: row.state,
              reason: row.reason || null,
              queuedAtUtc: row.queuedAtUtc,
              completedAtUtc: row.completedAtUtc || null,
            })),
        },
        {
          kind: 'unreachable',
          title: 'Could not reach you',
          description:
            'That Teams told the bot it could not deliver to you (you removed the bot or blocked it), so it stops trying until you are back.',
          retention: 'Until you use the bot again, or RETENTION_INACTIVE_MEMBERS (default 2 years).',
          records: marks.map((row) => ({ code: row.code, markedAtUtc: row.markedAtUtc })),
        },
      ];
    },
    erase: async (subject, pseudonym) => {
      const matcher = new SubjectMatcher(subject);
      return addTallies(
        await scrubRows(tables.outbox, matcher, pseudonym, { remove: (row) => matcher.isSubjectId(row.aadObjectId) }),
        await scrubRows(tables.unreachable, matcher, pseudonym, { remove: (row) => matcher.isSubjectId(row.rowKey) }),
      );
    },
    purge: async (now, retention) => {
      const delivered = retentionCutoff(now, retention, 'deliveryRecords').toISO()!;
      const marked = retentionCutoff(now, retention, 'inactiveMembers').toISO()!;
      // Records only (`m_`): a waiting message (`q_`) is never purged, and a record waits with it (completedAtUtc '').
      const records = odata`RowKey ge 'm_' and RowKey lt 'm\`' and completedAtUtc gt '' and completedAtUtc lt ${delivered}`;
      return [
        { table: 'outbox', kind: 'deliveryRecords', purged: await deleteWhere(tables.outbox, records) },
        { table: 'unreachable', kind: 'inactiveMembers', purged: await deleteWhere(tables.unreachable, odata`markedAtUtc lt ${marked}`) },
      ];
    },
  };
}
