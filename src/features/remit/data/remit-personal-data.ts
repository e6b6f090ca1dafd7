import type { TableClient } from '@azure/data-tables';
import { DateTime } from 'luxon';
import { hashedKey } from '../../../platform/storage/keys';
import { type StoredRow, deleteRow, listRows, rowsMentioning, scrubRows } from '../../../platform/storage/personal-rows';
import { tryParseStoredJson } from '../../../platform/storage/stored-json';
import { type PersonalDataContribution, addTallies, retentionCutoff } from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';
import { officerEntrySchema } from '../domain/officer-entry';
import { type OfficerQuestion, officerQuestionSchema } from '../domain/officer-question';

export interface RemitTables {
  feedback: TableClient;
  officerQuestions: TableClient;
  officerEntries: TableClient;
}

/**
 * Answer feedback, questions for the officers and officer-authored answers. A vote's RowKey is a
 * hash of the person's id with the entry's (no id in clear), found again by hashing; a vote and a
 * question the person asked are theirs (deleted on erasure and after their retention periods);
 * an answer an officer gave or added to the knowledge base stays, with "Former member" as its author.
 */
export function remitPersonalData(tables: RemitTables): PersonalDataContribution {
  return {
    tables: ['feedback', 'officerquestions', 'officerentries'],
    export: async (subject) => {
      const matcher = new SubjectMatcher(subject);
      const votes: Record<string, unknown>[] = [];
      for await (const row of listRows(tables.feedback)) {
        if (isVoteOf(row, subject.aadObjectId))
          votes.push({ answer: row.partitionKey, question: row.question, helpful: row.helpful, recordedAtUtc: row.recordedAtUtc });
      }
      const questions = (await rowsMentioning(tables.officerQuestions, matcher)).flatMap((row) => questionOf(row) ?? []);
      const asked = questions.filter((question) => matcher.isSubjectId(question.askedByAadObjectId));
      const answered = questions.filter((question) => question.answer && matcher.isSubjectId(question.answer.byAadObjectId));
      const entries = (await rowsMentioning(tables.officerEntries, matcher)).flatMap((row) => {
        const entry = tryParseStoredJson(officerEntrySchema, row.body);
        return entry && matcher.isSubjectId(entry.addedByAadObjectId)
          ? [{ id: entry.id, question: entry.question, addedOn: entry.addedOn }]
          : [];
      });
      return [
        {
          kind: 'answer-feedback',
          title: 'Whether answers helped',
          description:
            'Your "Did this answer help?" votes, with the question you had asked (up to 500 characters), so officers can improve the answers.',
          retention: 'Deleted RETENTION_ANSWER_FEEDBACK (default 2 years) after the vote.',
          records: votes,
        },
        {
          kind: 'officer-questions',
          title: 'Questions you asked the officers',
          description: 'Questions you sent to the officers with "Ask an officer", when, and the answer you were given.',
          retention: 'Deleted RETENTION_OFFICER_QUESTIONS (default 2 years) after you asked.',
          records: asked.map((question) => ({
            question: question.question,
            askedAtUtc: question.askedAtUtc,
            status: question.status,
            answer: question.answer?.text ?? null,
            answeredBy: question.answer?.byName ?? null,
            answeredAtUtc: question.answer?.atUtc ?? null,
          })),
        },
        {
          kind: 'officer-answers',
          title: 'Answers you gave as an officer',
          description: 'Members\u2019 questions you answered (your answer and when; the member\u2019s name is theirs, not yours).',
          retention: 'As the question.',
          records: answered.map((question) => ({
            questionId: question.id,
            answer: question.answer?.text ?? null,
            answeredAtUtc: question.answer?.atUtc ?? null,
          })),
        },
        {
          kind: 'knowledge-entries',
          title: 'Answers you added to the knowledge base',
          description: 'Officer answers you added to the bot\u2019s knowledge base; each names who added it.',
          retention: 'While the answer is in use; erasure puts "Former member" in your place.',
          records: entries,
        },
      ];
    },
    erase: async (subject, pseudonym) => {
      const matcher = new SubjectMatcher(subject);
      let votes = 0;
      for await (const row of listRows(tables.feedback))
        if (isVoteOf(row, subject.aadObjectId) && (await deleteRow(tables.feedback, row.partitionKey, row.rowKey))) votes++;
      return addTallies(
        { deleted: votes, pseudonymised: 0 },
        await scrubRows(tables.feedback, matcher, pseudonym, { remove: () => false }),
        await scrubRows(tables.officerQuestions, matcher, pseudonym, {
          remove: (row) => matcher.isSubjectId(questionOf(row)?.askedByAadObjectId),
        }),
        await scrubRows(tables.officerEntries, matcher, pseudonym, { remove: () => false }),
      );
    },
    purge: async (now, retention) => {
      const feedbackCutoff = retentionCutoff(now, retention, 'answerFeedback').toISO()!;
      const questionCutoff = retentionCutoff(now, retention, 'officerQuestions').toMillis();
      let votes = 0;
      for await (const row of listRows(tables.feedback, `recordedAtUtc lt '${feedbackCutoff}'`))
        if (await deleteRow(tables.feedback, row.partitionKey, row.rowKey, row.etag)) votes++;
      let questions = 0;
      // The time asked is inside the question's JSON: read them all (officers' questions are tens a year).
      for await (const row of listRows(tables.officerQuestions)) {
        const question = questionOf(row);
        if (
          question &&
          DateTime.fromISO(question.askedAtUtc).toMillis() < questionCutoff &&
          (await deleteRow(tables.officerQuestions, row.partitionKey, row.rowKey, row.etag))
        )
          questions++;
      }
      return [
        { table: 'feedback', kind: 'answerFeedback', purged: votes },
        { table: 'officerquestions', kind: 'officerQuestions', purged: questions },
      ];
    },
  };
}

function isVoteOf(row: StoredRow, aadObjectId: string): boolean {
  return [aadObjectId, aadObjectId.toLowerCase()].some((id) => row.rowKey === hashedKey('feedback-vote', id, row.partitionKey));
}

function questionOf(row: StoredRow): OfficerQuestion | undefined {
  return tryParseStoredJson(officerQuestionSchema, row.body);
}
