import { type TableClient, odata } from '@azure/data-tables';
import { before, deleteRow, listRows, readRows, rowsMentioning, scrubRows } from '../../../platform/storage/personal-rows';
import { jsonObjectSchema, parseStoredJson } from '../../../platform/storage/stored-json';
import {
  type PersonalDataContribution,
  type PersonalDataSection,
  type PurgeCount,
  addTallies,
  retentionCutoff,
} from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';
import { parseRoleRow } from './role-directory';

export interface MembersTables {
  members: TableClient;
  roles: TableClient;
  teams: TableClient;
}

/**
 * The members directory, granted roles and installed Teams, for the person's data rights:
 * their directory row and role are theirs (deleted on erasure); a role they granted keeps the
 * grant with the pseudonym as granter; a Team they added the bot to keeps its channel address
 * with them taken out of it. Inactive people unseen for the retention period leave the directory.
 */
export function membersPersonalData(tables: MembersTables): PersonalDataContribution {
  return {
    tables: ['members', 'roles', 'teams'],
    export: async (subject) => {
      const matcher = new SubjectMatcher(subject);
      const sections: PersonalDataSection[] = [];
      const member = await readRows(tables.members, odata`PartitionKey eq 'member' and RowKey eq ${subject.aadObjectId}`);
      sections.push({
        kind: 'directory',
        title: 'Members directory',
        description:
          'Your Entra object id, your name as Teams gives it, your organisation, your Teams user id, when you last used the bot (to the minute), whether you uninstalled it, whether you stopped meeting reminders, and the address of your chat with the bot (so it can send you reminders and invitations).',
        retention:
          'While you use the bot; after you uninstall it, deleted once you have not been seen for RETENTION_INACTIVE_MEMBERS (default 2 years).',
        records: member.map((row) => ({
          name: row.name,
          tenantId: row.tenantId,
          teamsUserId: row.teamsUserId,
          active: row.active,
          lastSeenUtc: row.lastSeenUtc,
          remindersOff: row.remindersOff === true,
          chatWithTheBot:
            typeof row.conversationReference === 'string'
              ? parseStoredJson(jsonObjectSchema, row.conversationReference, 'member conversation reference')
              : null,
        })),
      });
      const role = await readRows(tables.roles, odata`PartitionKey eq 'role' and RowKey eq ${subject.aadObjectId}`);
      sections.push({
        kind: 'role',
        title: 'Role in the bot',
        description:
          'Your role in the bot (guest, panel member, officer or administrator) and whether you are marked as a councillor, who set it (their Entra object id, or an import from a Team), when, how, and the role you held before.',
        retention:
          'While you are in the members directory; a role taken away stays as the lesser role. Deleted with your directory entry, or when you are erased.',
        records: role.map(roleRecord),
      });
      const teams = (await rowsMentioning(tables.teams, matcher)).map((row) => ({ team: row.name, recordedAtUtc: row.updatedUtc }));
      sections.push({
        kind: 'teams-installed',
        title: 'Teams you added the bot to',
        description: 'The Teams whose channel address, as Teams gave it when you added the bot, names you as the person who added it.',
        retention: 'While the bot is installed in the Team.',
        records: teams,
      });
      return sections;
    },
    erase: async (subject, pseudonym) => {
      const matcher = new SubjectMatcher(subject);
      const keyed = {
        remove: (row: { rowKey: string }) => matcher.isSubjectId(row.rowKey),
        owner: (row: { rowKey: string }) => row.rowKey,
      };
      return addTallies(
        await scrubRows(tables.members, matcher, pseudonym, keyed),
        await scrubRows(tables.roles, matcher, pseudonym, keyed),
        await scrubRows(tables.teams, matcher, pseudonym, { remove: () => false }),
      );
    },
    purge: async (now, retention) => {
      const cutoff = retentionCutoff(now, retention, 'inactiveMembers');
      let purged = 0;
      let roles = 0;
      for await (const row of listRows(
        tables.members,
        `PartitionKey eq 'member' and active eq false and ${before('lastSeenUtc', cutoff)}`,
      )) {
        // The ETag guards against a sighting in between: someone who came back stays, with their role.
        if (!(await deleteRow(tables.members, row.partitionKey, row.rowKey, row.etag))) continue;
        purged++;
        // Their role goes with them: the roles card lists the directory, so nobody could see or change it any more.
        if (await deleteRow(tables.roles, 'role', row.rowKey)) roles++;
      }
      const counts: PurgeCount[] = [
        { table: 'members', kind: 'inactiveMembers', purged },
        { table: 'roles', kind: 'inactiveMembers', purged: roles },
      ];
      return counts;
    },
  };
}

/** A role row as the person reads it, in either stored form (an unreadable row is shown as stored). */
function roleRecord(row: Record<string, unknown>): Record<string, unknown> {
  const holding = parseRoleRow(row);
  if (!holding) return { role: row.role ?? null, unreadable: true };
  return {
    role: holding.role,
    councillor: holding.councillor,
    setBy: holding.changedBy || null,
    setAtUtc: holding.changedAtUtc || null,
    how: holding.source ?? null,
    previousRole: holding.previousRole ?? null,
  };
}
