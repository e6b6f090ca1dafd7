import { type TableClient, odata } from '@azure/data-tables';
import { deleteRow, deleteWhere, listRows, rowsMentioning, scrubRows } from '../../../platform/storage/personal-rows';
import { tryParseStoredJson } from '../../../platform/storage/stored-json';
import { londonDate } from '../../../platform/time/london';
import { type PersonalDataContribution, addTallies, retentionCutoff } from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';
import type { Challenge, ChallengeEvent, Person } from '../domain/challenge';
import { CARD, FORM, HISTORY, SUMMARY, SUMMARY_END, YEARS_PARTITION } from './challenge-entities';
import { youSaidWeDidSchema } from '../domain/you-said-we-did';
import { storedChallengeSchema, storedEventSchema, storedSummarySchema } from './challenge-stored-schemas';

export interface ChallengesTables {
  challenges: TableClient;
  youSaidWeDid: TableClient;
}

/**
 * Challenge cards and the yearly "You said, we did". A card, its history and its summary are
 * the council's record of what the young people asked and what was done: erasure keeps them with
 * "Former member" and a pseudonym in the person's place (lead officer, assignee, creator, author
 * of a response), re-keying history rows whose key held their id. A card that became final
 * (young people informed, or redirected) more than RETENTION_CLOSED_CHALLENGES ago is deleted
 * whole; its reference is never reused (the year's counter stays).
 */
export function challengesPersonalData(tables: ChallengesTables): PersonalDataContribution {
  return {
    tables: ['challenges', 'yousaidwedid'],
    export: async (subject) => {
      const matcher = new SubjectMatcher(subject);
      const cards: Record<string, unknown>[] = [];
      const responses: Record<string, unknown>[] = [];
      for await (const row of listRows(tables.challenges, odata`PartitionKey ne ${YEARS_PARTITION}`)) {
        if (row.rowKey.startsWith(CARD)) {
          const card = tryParseStoredJson(storedChallengeSchema, row.json);
          const parts = card ? partsOf(card, matcher) : [];
          if (card && parts.length > 0) cards.push({ reference: card.reference, title: card.title, status: card.status, yourPart: parts });
        } else if (row.rowKey.startsWith(HISTORY)) {
          const event = tryParseStoredJson(storedEventSchema, row.json);
          if (event && matcher.isSubjectId(event.by.aadObjectId)) responses.push(responseOf(event));
        }
      }
      const summaries = (await rowsMentioning(tables.youSaidWeDid, matcher)).flatMap((row) => {
        const summary = tryParseStoredJson(youSaidWeDidSchema, row.json);
        return summary?.editedBy && matcher.isSubjectId(summary.editedBy.aadObjectId)
          ? [{ year: summary.year, version: summary.version, editedAtUtc: summary.editedAtUtc ?? null }]
          : [];
      });
      return [
        {
          kind: 'challenge-cards',
          title: 'Challenge cards you are named on',
          description: 'Challenge cards on which you are the lead officer, an assignee or the officer who raised them.',
          retention:
            'Deleted RETENTION_CLOSED_CHALLENGES (default 6 years) after the card is closed; kept with "Former member" in your place if you are erased.',
          records: cards,
        },
        {
          kind: 'challenge-responses',
          title: 'Your responses to challenge cards',
          description: 'What you wrote on challenge cards and the status changes you made, as the card\u2019s history keeps them.',
          retention: 'As the card.',
          records: responses,
        },
        {
          kind: 'you-said-we-did',
          title: '"You said, we did" summaries you edited',
          description: 'The yearly summaries for the children\u2019s councils you last saved as an officer.',
          retention: 'Kept as the council\u2019s record; erasure puts "Former member" in your place.',
          records: summaries,
        },
      ];
    },
    erase: async (subject, pseudonym) => {
      const matcher = new SubjectMatcher(subject);
      return addTallies(
        await scrubRows(tables.challenges, matcher, pseudonym, { remove: () => false }),
        await scrubRows(tables.youSaidWeDid, matcher, pseudonym, { remove: () => false }),
      );
    },
    purge: async (now, retention) => {
      const before = londonDate(retentionCutoff(now, retention, 'closedChallenges').toISO()!);
      let purged = 0;
      // Open cards have endOn 9999-12-31, after every date: only final cards are older than the cutoff.
      const closed = listRows(tables.challenges, odata`RowKey ge ${SUMMARY} and RowKey lt ${SUMMARY_END} and endOn lt ${before}`);
      for await (const row of closed) {
        const summary = tryParseStoredJson(storedSummarySchema, row.json);
        if (!summary) continue;
        await purgeCard(tables.challenges, row.partitionKey, summary.reference);
        if (await deleteRow(tables.challenges, row.partitionKey, row.rowKey)) purged++;
      }
      return [{ table: 'challenges', kind: 'closedChallenges', purged }];
    },
  };
}

/** The card, its history and its form row; the summary goes last, so a purge cut short is finished by the next. */
async function purgeCard(table: TableClient, partition: string, reference: string): Promise<void> {
  await deleteWhere(
    table,
    odata`PartitionKey eq ${partition} and RowKey ge ${`${HISTORY}${reference}|`} and RowKey lt ${`${HISTORY}${reference}}`}`,
  );
  await deleteWhere(table, odata`PartitionKey eq ${partition} and RowKey ge ${FORM} and RowKey lt 'form}' and reference eq ${reference}`);
  await deleteRow(table, partition, `${CARD}${reference}`);
}

function partsOf(card: Challenge, matcher: SubjectMatcher): string[] {
  const is = (person: Person) => matcher.isSubjectId(person.aadObjectId);
  return [
    ...(is(card.leadOfficer) ? ['lead officer'] : []),
    ...(card.assignees.some(is) ? ['assignee'] : []),
    ...(is(card.createdBy) ? ['raised it'] : []),
  ];
}

function responseOf(event: ChallengeEvent): Record<string, unknown> {
  return {
    reference: event.reference,
    atUtc: event.atUtc,
    kind: event.kind,
    text: event.text ?? null,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    explanation: event.explanation ?? null,
  };
}
