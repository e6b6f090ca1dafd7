import { type TableClient, odata } from '@azure/data-tables';
import { readRows, rowsMentioning, scrubRows } from '../../../platform/storage/personal-rows';
import { type PersonalDataContribution, addTallies } from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';
import type { CalendarTokens } from './calendar-tokens';

export interface CalendarTables {
  tokens: TableClient;
  bulletinOptOuts: TableClient;
}

/**
 * Members' Calendar feed tokens (only their hashes) and Member Bulletin opt-outs, both the
 * person's own. The token table holds, per person, `o|member|<id>` (their current token's hash,
 * when issued) and `h|<hash>` (whose feed the token opens); a withdrawn address is a tombstone
 * without anyone's id. Erasure withdraws the person's address the way every withdrawal does, so
 * a calendar app still polling it is told 410 Gone, then deletes any other row naming them.
 */
export function calendarPersonalData(tables: CalendarTables, feeds: Pick<CalendarTokens, 'revokeFor'>): PersonalDataContribution {
  return {
    tables: ['calendartokens', 'bulletinoptouts'],
    export: async (subject) => {
      const matcher = new SubjectMatcher(subject);
      const tokens = await rowsMentioning(tables.tokens, matcher);
      const optOuts = await readRows(tables.bulletinOptOuts, odata`RowKey eq ${subject.aadObjectId}`);
      return [
        {
          kind: 'calendar-feed',
          title: 'Calendar feed address',
          description:
            'That you have a secret calendar address for Outlook, and when it was issued. Only a hash of the address is kept, never the address itself.',
          retention: 'Until you ask for a new one, it is withdrawn, or you are erased.',
          records: tokens.filter((row) => row.rowKey.startsWith('o|')).map((row) => ({ issuedAtUtc: row.issuedAtUtc })),
        },
        {
          kind: 'bulletin-opt-out',
          title: 'Member Bulletin choice',
          description: 'That you asked not to receive the weekly Member Bulletin, and when.',
          retention: 'Until you say "start bulletin" (the row is then deleted) or are erased.',
          records: optOuts.map((row) => ({ optedOutAtUtc: row.optedOutAtUtc })),
        },
      ];
    },
    erase: async (subject, pseudonym) => {
      const matcher = new SubjectMatcher(subject);
      // The owner row goes and the token row becomes a tombstone (when, why; no id): one row deleted.
      const withdrawn = await feeds.revokeFor(subject.aadObjectId, 'erased');
      return addTallies(
        { deleted: withdrawn ? 1 : 0, pseudonymised: 0 },
        await scrubRows(tables.tokens, matcher, pseudonym, { remove: () => true }),
        await scrubRows(tables.bulletinOptOuts, matcher, pseudonym, { remove: (row) => matcher.isSubjectId(row.rowKey) }),
      );
    },
  };
}
