import { DateTime } from 'luxon';
import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';
import { renderNoticeCard } from '../../../shared/cards/notice-card';
import { authoredTextToCardMarkdown } from '../../../shared/text/authored-markdown';
import { literalText } from '../../../shared/text/literal-text';
import { LONDON } from '../../../platform/time/clock';
import { formatLondonDate, formatLondonDateTime } from '../../../platform/time/london';
import type { EntryReview } from '../domain/knowledge-entry';
import { officerSourceDocument } from '../domain/officer-entry';
import type { OfficerQuestion } from '../domain/officer-question';
import type { StoredEntry } from '../data/officer-entry-store';

export interface OfficerQuestionCardOptions {
  heading: string;
  viewerMayAnswer: boolean;
  /** Officers whose copies refresh themselves (Universal Actions), so all see who answered. */
  refreshUserIds: string[];
  nowUtc: string;
  error?: string;
  notice?: string;
  draft?: string;
}

/** The question as officers see it: who asked and when, then the answer inputs or who answered. */
export function officerQuestionCard(question: OfficerQuestion, options: OfficerQuestionCardOptions): AdaptiveCardJson {
  const answer = question.answer;
  return cardTemplate('officer-question').expand({
    questionId: question.id,
    heading: options.heading,
    question: literalText(question.question),
    askedBy: literalText(question.askedByName),
    askedByFirst: literalText(question.askedByName.split(' ')[0] ?? question.askedByName),
    askedAt: formatLondonDateTime(question.askedAtUtc),
    why: question.origin === 'declined' ? 'The bot could not answer it' : 'The bot answered, but the member said it did not help',
    answered: answer !== undefined,
    answeredBy: answer ? `Answered by ${literalText(answer.byName)} (${answer.byRole}), ${formatLondonDateTime(answer.atUtc)}` : '',
    answerText: answer ? literalText(answer.text) : '',
    addedToKnowledge: answer?.addedEntryId !== undefined,
    answerable: question.status === 'open' && options.viewerMayAnswer,
    refreshUserIds: question.status === 'open' ? options.refreshUserIds : [],
    error: options.error ?? '',
    notice: options.notice ?? '',
    draft: options.draft ?? '',
  });
}

/** What the member receives in their own chat: the answer, signed with the officer's name and role. */
export function officerAnswerCard(question: OfficerQuestion): AdaptiveCardJson {
  const answer = question.answer;
  return cardTemplate('officer-answer').expand({
    question: literalText(question.question),
    answer: answer ? literalText(answer.text) : '',
    signature: answer ? `Answered by ${literalText(answer.byName)}, ${answer.byRole}, ${formatLondonDateTime(answer.atUtc)}` : '',
  });
}

/** The member's confirmation once the question is with the officers. */
export function askedCard(question: OfficerQuestion, options: { reachedOfficers: boolean; contact: string }): AdaptiveCardJson {
  if (options.reachedOfficers) {
    return renderNoticeCard({
      title: 'Sent to the officers',
      text: `I've passed your question to the panel's officers: "${literalText(question.question)}". Their answer will arrive here, in this chat.`,
      style: 'good',
    });
  }
  return renderNoticeCard({
    title: 'Question recorded',
    text: `I've recorded your question, but no officer can be reached in Teams yet. Please also contact Democratic Services:\n\n${authoredTextToCardMarkdown(options.contact)}`,
    style: 'warning',
  });
}

export function openQuestionsCard(open: { question: OfficerQuestion; waitingWorkingDays: number }[]): AdaptiveCardJson {
  return cardTemplate('officer-question-list').expand({
    summary:
      open.length === 0
        ? 'There are no unanswered questions.'
        : `${open.length} unanswered ${open.length === 1 ? 'question' : 'questions'}, oldest first.`,
    questions: open.map(({ question, waitingWorkingDays }) => ({
      questionId: question.id,
      question: literalText(question.question),
      detail: `${literalText(question.askedByName)}, ${formatLondonDateTime(question.askedAtUtc)} (waiting ${waitingWorkingDays} working ${waitingWorkingDays === 1 ? 'day' : 'days'})`,
    })),
  });
}

export function officerEntryListCard(stored: readonly StoredEntry[], options: { exportUrl?: string; notice?: string }): AdaptiveCardJson {
  return cardTemplate('officer-entry-list').expand({
    notice: options.notice ?? '',
    summary:
      stored.length === 0
        ? 'Officers have not added any answers yet. Tick "Add to the knowledge base" when answering a question.'
        : `${stored.length} ${stored.length === 1 ? 'answer' : 'answers'} in the knowledge base.`,
    entries: stored.map(({ entry, etag }) => ({
      entryId: entry.id,
      etag,
      question: literalText(entry.question),
      answer: literalText(entry.answer),
      detail: `${officerSourceDocument(entry)}; owner ${literalText(entry.owner)}; review by ${formatIsoDate(entry.reviewBy)}`,
    })),
    exportUrl: options.exportUrl ?? '',
  });
}

export function officerEntryFormCard(
  stored: StoredEntry,
  options: { error?: string; draft?: { question?: string; answer?: string } },
): AdaptiveCardJson {
  const { entry, etag } = stored;
  return cardTemplate('officer-entry-form').expand({
    entryId: entry.id,
    etag,
    detail: `${officerSourceDocument(entry)}; saving counts as reviewed today.`,
    error: options.error ?? '',
    question: options.draft?.question ?? entry.question,
    answer: options.draft?.answer ?? entry.answer,
  });
}

export interface DueEntry {
  id: string;
  question: string;
  review: EntryReview;
  officerAuthored: boolean;
}

export function reviewDueCard(due: readonly DueEntry[], today: string): AdaptiveCardJson {
  const overdue = due.filter((e) => e.review.reviewBy < today).length;
  return cardTemplate('review-due').expand({
    summary:
      due.length === 0
        ? 'No answer is due for review in the next 30 days.'
        : `${overdue} overdue, ${due.length - overdue} due within 30 days.`,
    entries: due.map((e) => ({
      question: literalText(e.question),
      detail: `${e.review.reviewBy < today ? 'Overdue since' : 'Due'} ${formatIsoDate(e.review.reviewBy)}; owner ${literalText(e.review.owner)}; last reviewed ${formatIsoDate(e.review.reviewed)}; ${e.officerAuthored ? 'officer answer' : `entry ${e.id}`}`,
      color: e.review.reviewBy < today ? 'Attention' : 'Default',
    })),
  });
}

function formatIsoDate(isoDate: string): string {
  return formatLondonDate(DateTime.fromISO(isoDate, { zone: LONDON }));
}
