import { type Metrics, NO_METRICS } from '../../platform/telemetry/metrics';
import { DateTime } from 'luxon';
import type { DeliveryService } from '../../platform/delivery/delivery-service';
import type { JobStore } from '../../platform/scheduler/job-store';
import { hashedKey } from '../../platform/storage/keys';
import type { JobHandler, JobOutcome } from '../../platform/scheduler/scheduled-job';
import { RecurringJob } from '../../platform/scheduler/recurring-job';
import type { SignedLinks } from '../../platform/security/signed-links';
import { type Clock, LONDON } from '../../platform/time/clock';
import { londonDate, nextLondonTimeOfDay } from '../../platform/time/london';
import type { WorkingDayCalendar } from '../../platform/time/working-days';
import type { Actor } from '../../shared/access/actor';
import { may, refusalOf, requirePermission } from '../../shared/access/policy';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { DomainError } from '../../shared/errors/domain-error';
import type { Member, MemberDirectory, TeamRegistry, RoleService } from '../members';
import type { OfficerEntryStore } from './data/officer-entry-store';
import { OfficerQuestionStore, type StoredQuestion } from './data/officer-question-store';
import {
  type OfficerEntry,
  officerEntriesYaml,
  officerEntrySchema,
  reviewByFor,
  MAX_OFFICER_ENTRY_QUESTION_CHARS,
} from './domain/officer-entry';
import { type AskButton, MAX_OFFICER_QUESTION_CHARS, type OfficerQuestion, checkAnswerText } from './domain/officer-question';
import type { LiveKnowledge } from './live-knowledge';
import { JOB_KINDS, batchIds, jobKeys } from '../../shared/keys';
import {
  askedCard,
  officerAnswerCard,
  officerEntryFormCard,
  officerEntryListCard,
  officerQuestionCard,
  openQuestionsCard,
  reviewDueCard,
} from './teams/officer-cards';

export const OFFICER_QUESTION_NUDGE_JOB = JOB_KINDS.officerQuestionNudges;
export const OFFICER_ANSWERS_EXPORT = 'officer-answers-yaml';
// Refreshing cards name at most 60 people (Teams' limit for refresh.userIds).
const MAX_REFRESH_USERS = 60;
// "Due for review" also lists what falls due within this many days, so it can be planned.
const REVIEW_HORIZON_DAYS = 30;

export interface OfficerDeskDependencies {
  questions: OfficerQuestionStore;
  /** Questions put to the officers, counted for Application Insights (NO_METRICS when it is off). */
  metrics?: Metrics;
  entries: OfficerEntryStore;
  knowledge: LiveKnowledge;
  members: MemberDirectory;
  roles: RoleService;
  teams: TeamRegistry;
  delivery: Pick<DeliveryService, 'broadcast' | 'enqueue'>;
  jobs: JobStore;
  links: SignedLinks;
  clock: Clock;
  workingDays: WorkingDayCalendar;
  /** Working days an unanswered question waits before the officers are reminded of it. */
  nudgeAfterWorkingDays: number;
  /** A Team (OFFICERS_CHANNEL) whose General channel gets the questions instead of the officers' 1:1 chats. */
  officersTeamId?: string;
  publicBaseUrl: string;
}

/**
 * "Ask an officer": a member's question the bot could not answer goes to the officers, one of them
 * answers it on the card, the member gets the answer in their own chat, and the officer may add it
 * to the knowledge base. Every change is etag-guarded: two officers cannot both answer, a double
 * click asks once.
 */
export class OfficerDesk {
  /** The daily nudge scan: one job per day, planning the next first, so a failed run never ends the series. */
  private readonly nudges: RecurringJob;

  constructor(private readonly deps: OfficerDeskDependencies) {
    this.nudges = new RecurringJob(deps.jobs, deps.clock, {
      kind: OFFICER_QUESTION_NUDGE_JOB,
      seriesPrefix: OFFICER_QUESTION_NUDGE_JOB,
      keyOf: (due) => jobKeys.officerQuestionNudges(londonDate(due)),
      nextAfter: (after) => nextLondonTimeOfDay(after, 9),
    });
  }

  /** The member pressed "Ask an officer". */
  async ask(actor: Actor, button: AskButton): Promise<AdaptiveCardJson> {
    const question = button.question.replace(/\s+/g, ' ').trim().slice(0, MAX_OFFICER_QUESTION_CHARS);
    const asked: OfficerQuestion = {
      id: OfficerQuestionStore.idFor(actor.aadObjectId, button.requestId),
      question,
      askedByAadObjectId: actor.aadObjectId,
      askedByName: actor.name,
      askedAtUtc: this.nowUtc(),
      origin: button.origin,
      ...(button.entryId ? { entryId: button.entryId } : {}),
      status: 'open',
      nudges: 0,
    };
    const { stored, created } = await this.deps.questions.create(asked);
    if (created) (this.deps.metrics ?? NO_METRICS).count('officer.questions', { origin: button.origin });
    const reached = created ? await this.sendToOfficers(stored.question, 'New question for the officers') : 1;
    return askedCard(stored.question, { reachedOfficers: reached > 0, contact: this.deps.knowledge.curated().contact().answer });
  }

  /** The question card, as the viewer may use it (answer inputs for officers while it is open). */
  async show(actor: Actor, questionId: string): Promise<AdaptiveCardJson> {
    const stored = await this.deps.questions.get(questionId);
    // Someone else's question answers exactly like a missing one.
    if (!stored) throw refusalOf('officerQuestions.view');
    requirePermission(actor, 'officerQuestions.view', { involvedAadObjectIds: [stored.question.askedByAadObjectId] });
    // Still open: the copy keeps refreshing, so it shows the answer as soon as a colleague gives it.
    const refreshUserIds =
      stored.question.status === 'open' && may(actor, 'officerQuestions.answer')
        ? (await this.deps.roles.activeOfficers()).map((o) => o.teamsUserId).slice(0, MAX_REFRESH_USERS)
        : [];
    return this.questionCard(stored.question, actor, { refreshUserIds });
  }

  /** An officer pressed "Answer". */
  async answer(
    actor: Actor,
    input: { questionId: string; answer?: string; addToKnowledge?: boolean | 'true' | 'false' },
  ): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'officerQuestions.answer');
    const stored = await this.deps.questions.get(input.questionId);
    if (!stored) throw new DomainError('not_found', 'I could not find that question.');
    if (stored.question.status === 'answered')
      return this.questionCard(stored.question, actor, { notice: alreadyAnswered(stored.question) });
    const checked = checkAnswerText(input.answer);
    if (!checked.ok) return this.questionCard(stored.question, actor, { error: checked.message, draft: input.answer });
    const addToKnowledge = input.addToKnowledge === true || input.addToKnowledge === 'true';
    const answered: OfficerQuestion = {
      ...stored.question,
      status: 'answered',
      answer: {
        text: checked.text,
        byAadObjectId: actor.aadObjectId,
        byName: actor.name,
        byRole: roleLabel(actor),
        atUtc: this.nowUtc(),
        ...(addToKnowledge ? { addedEntryId: entryIdFor(stored.question.id) } : {}),
      },
    };
    if ((await this.deps.questions.replace(answered, stored.etag)) === 'stale') {
      const latest = await this.deps.questions.get(stored.question.id);
      return this.questionCard(latest?.question ?? stored.question, actor, {
        notice: latest ? alreadyAnswered(latest.question) : undefined,
      });
    }
    const delivered = await this.sendAnswerToMember(answered);
    if (addToKnowledge) await this.addToKnowledge(answered, actor);
    return this.questionCard(answered, actor, {
      notice: delivered
        ? undefined
        : `${answered.askedByName} has no chat with the bot, so the answer could not be sent to them in Teams. Please tell them another way.`,
    });
  }

  async openQuestions(actor: Actor): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'officerQuestions.answer');
    const today = this.today();
    return openQuestionsCard(
      (await this.deps.questions.open()).map((s) => ({
        question: s.question,
        waitingWorkingDays: this.workingDaysSince(s.question.askedAtUtc, today),
      })),
    );
  }

  async officerEntries(actor: Actor, notice?: string): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'knowledge.manage');
    const stored = (await this.deps.entries.list()).filter((s) => s.entry.status === 'active');
    const exportUrl = stored.length > 0 ? this.exportUrl(actor) : undefined;
    return officerEntryListCard(stored, { exportUrl, notice });
  }

  async editEntryForm(actor: Actor, entryId: string): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'knowledge.manage');
    const stored = await this.deps.entries.get(entryId);
    if (!stored || stored.entry.status !== 'active')
      throw new DomainError('not_found', 'That officer answer is no longer in the knowledge base.');
    return officerEntryFormCard(stored, {});
  }

  /** Saves an edited officer answer: it counts as reviewed today. */
  async saveEntry(actor: Actor, input: { entryId: string; etag: string; question?: string; answer?: string }): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'knowledge.manage');
    const stored = await this.deps.entries.get(input.entryId);
    if (!stored || stored.entry.status !== 'active')
      throw new DomainError('not_found', 'That officer answer is no longer in the knowledge base.');
    const question = (input.question ?? '').replace(/\s+/g, ' ').trim();
    const checked = checkAnswerText(input.answer);
    const draft = { question: input.question, answer: input.answer };
    if (question === '' || question.length > MAX_OFFICER_ENTRY_QUESTION_CHARS)
      return officerEntryFormCard(stored, { error: `The question must have 1 to ${MAX_OFFICER_ENTRY_QUESTION_CHARS} characters.`, draft });
    if (!checked.ok) return officerEntryFormCard(stored, { error: checked.message, draft });
    if (input.etag !== stored.etag)
      return officerEntryFormCard(stored, {
        error: 'Someone changed this answer since you opened it. This is the latest version: make your change again.',
      });
    const today = this.today();
    const updated: OfficerEntry = officerEntrySchema.parse({
      ...stored.entry,
      question,
      answer: checked.text,
      reviewed: today,
      reviewBy: reviewByFor(today),
    });
    if ((await this.deps.entries.replace(updated, stored.etag)) === 'stale') {
      const latest = await this.deps.entries.get(input.entryId);
      if (!latest) throw new DomainError('not_found', 'That officer answer is no longer in the knowledge base.');
      return officerEntryFormCard(latest, {
        error: 'Someone changed this answer since you opened it. This is the latest version: make your change again.',
      });
    }
    await this.deps.knowledge.refresh();
    return this.officerEntries(actor, `Saved: "${updated.question}". It is searched at once.`);
  }

  /** Takes an officer answer out of the search (kept in Tables, marked retired). */
  async retireEntry(actor: Actor, input: { entryId: string; etag: string }): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'knowledge.manage');
    const stored = await this.deps.entries.get(input.entryId);
    if (!stored || stored.entry.status !== 'active') return this.officerEntries(actor, 'That answer was already retired.');
    if (input.etag !== stored.etag || (await this.deps.entries.replace({ ...stored.entry, status: 'retired' }, stored.etag)) === 'stale') {
      return this.officerEntries(
        actor,
        'Someone changed that answer since you opened this list; here is the latest. Retire it again if you still want to.',
      );
    }
    await this.deps.knowledge.refresh();
    return this.officerEntries(actor, `Retired: "${stored.entry.question}". The bot no longer gives it.`);
  }

  /** Entries (curated and officer-authored) whose review date has passed or falls within a month. */
  async dueForReview(actor: Actor): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'knowledge.manage');
    const today = this.today();
    const horizon = DateTime.fromISO(today, { zone: LONDON }).plus({ days: REVIEW_HORIZON_DAYS }).toISODate()!;
    const curated = this.deps.knowledge
      .curated()
      .entries()
      .map((entry) => ({ id: entry.id, question: entry.question, review: entry.review, officerAuthored: false }));
    const officer = this.deps.knowledge.officerEntries().map((e) => ({
      id: e.id,
      question: e.question,
      review: { owner: e.owner, reviewed: e.reviewed, reviewBy: e.reviewBy },
      officerAuthored: true,
    }));
    const due = [...curated, ...officer]
      .flatMap((e) => (e.review && e.review.reviewBy <= horizon ? [{ ...e, review: e.review }] : []))
      .sort((a, b) => a.review.reviewBy.localeCompare(b.review.reviewBy));
    return reviewDueCard(due, today);
  }

  /** The YAML of the active officer answers, behind a signed link an officer asked for. */
  async exportYaml(params: URLSearchParams): Promise<{ fileName: string; body: string } | undefined> {
    const grant = this.deps.links.verify(OFFICER_ANSWERS_EXPORT, 'all', params);
    if (!grant) return undefined;
    const holder = { aadObjectId: grant.aadObjectId, ...(await this.deps.roles.holdingOf(grant.aadObjectId)) };
    if (!may(holder, 'knowledge.manage')) return undefined;
    const entries = (await this.deps.entries.list()).map((s) => s.entry).filter((e) => e.status === 'active');
    const today = this.today();
    return { fileName: `officer-answers-${today}.yaml`, body: officerEntriesYaml(entries, today) };
  }

  handlers(): Record<string, JobHandler> {
    return this.nudges.handler(() => this.nudge());
  }

  /** At start-up: the next daily nudge scan, unless one is planned already (by this or another instance). */
  ensureScheduled(): Promise<void> {
    return this.nudges.ensurePlanned();
  }

  /** Reminds the officers of questions still open after the configured working days (and again as often). */
  private async nudge(): Promise<JobOutcome> {
    const today = this.today();
    let sent = 0;
    for (const stored of await this.deps.questions.open()) {
      const since = stored.question.lastNudgedAtUtc ?? stored.question.askedAtUtc;
      const waiting = this.workingDaysSince(since, today);
      if (waiting < this.deps.nudgeAfterWorkingDays) continue;
      const nudged: OfficerQuestion = { ...stored.question, lastNudgedAtUtc: this.nowUtc(), nudges: stored.question.nudges + 1 };
      // The etag claims the nudge: a second instance (or a rerun) finds the question changed and skips it.
      if ((await this.deps.questions.replace(nudged, stored.etag)) === 'stale') continue;
      const total = this.workingDaysSince(stored.question.askedAtUtc, today);
      await this.sendToOfficers(
        nudged,
        `Still unanswered after ${total} working ${total === 1 ? 'day' : 'days'}`,
        `nudge-${nudged.nudges}`,
      );
      sent++;
    }
    return { kind: 'done', note: `nudged ${sent} open questions` };
  }

  /** To the officers' channel when one is set and known, otherwise to every active officer's 1:1 chat. Returns how many it went to. */
  private async sendToOfficers(question: OfficerQuestion, heading: string, round = 'new'): Promise<number> {
    const officers = await this.deps.roles.activeOfficers();
    const refreshUserIds = officers.map((o) => o.teamsUserId).slice(0, MAX_REFRESH_USERS);
    const batchId = batchIds.officerQuestion(question.id, round);
    const card = officerQuestionCard(question, { heading, viewerMayAnswer: true, refreshUserIds, nowUtc: this.nowUtc() });
    const channel = this.deps.officersTeamId
      ? (await this.deps.teams.list()).find((team) => team.teamId === this.deps.officersTeamId)
      : undefined;
    if (channel) {
      // Team ids hold characters an aadObjectId may not ("19:...@thread.tacv2"): the channel is addressed by a hash of it.
      await this.deps.delivery.enqueue({
        batchId,
        dedupeKey: 'officers-channel',
        recipient: { aadObjectId: `team-${hashedKey(channel.teamId).slice(0, 24)}`, conversationReference: channel.conversationReference },
        card,
      });
      return 1;
    }
    const summary = await this.deps.delivery.broadcast({ batchId, members: officers, card: () => card });
    return summary.queued + summary.duplicates;
  }

  private async sendAnswerToMember(question: OfficerQuestion): Promise<boolean> {
    const member: Member | undefined = await this.deps.members.find(question.askedByAadObjectId);
    if (!member?.conversationReference || !question.answer) return false;
    await this.deps.delivery.enqueue({
      batchId: batchIds.officerAnswer(question.id),
      dedupeKey: 'member',
      recipient: { aadObjectId: member.aadObjectId, conversationReference: member.conversationReference },
      card: officerAnswerCard(question),
    });
    return true;
  }

  private async addToKnowledge(question: OfficerQuestion, actor: Actor): Promise<void> {
    if (!question.answer) return;
    const today = this.today();
    const entry = officerEntrySchema.parse({
      id: entryIdFor(question.id),
      question: question.question.slice(0, MAX_OFFICER_ENTRY_QUESTION_CHARS),
      answer: question.answer.text,
      questionId: question.id,
      addedByAadObjectId: actor.aadObjectId,
      addedByName: actor.name,
      addedOn: today,
      owner: actor.name,
      reviewed: today,
      reviewBy: reviewByFor(today),
      status: 'active',
    });
    await this.deps.entries.create(entry);
    await this.deps.knowledge.refresh();
  }

  private questionCard(
    question: OfficerQuestion,
    actor: Actor,
    extra: { error?: string; notice?: string; draft?: string; refreshUserIds?: string[] },
  ): AdaptiveCardJson {
    const viewerMayAnswer = may(actor, 'officerQuestions.answer');
    return officerQuestionCard(question, {
      heading: question.status === 'open' ? 'Question for the officers' : 'Answered question',
      viewerMayAnswer,
      nowUtc: this.nowUtc(),
      ...extra,
      refreshUserIds: extra.refreshUserIds ?? [],
    });
  }

  /**
   * Working days after `sinceUtc` up to and including `today` (London): asked on Friday, Monday is
   * one working day later. Years without bank holiday data count weekdays only.
   */
  private workingDaysSince(sinceUtc: string, today: string): number {
    let day = DateTime.fromISO(londonDate(sinceUtc), { zone: 'utc' }).plus({ days: 1 });
    const end = DateTime.fromISO(today, { zone: 'utc' });
    let count = 0;
    while (day <= end) {
      const iso = day.toISODate()!;
      const working = this.deps.workingDays.covers(iso) ? this.deps.workingDays.isWorkingDay(iso) : day.weekday <= 5;
      if (working) count++;
      day = day.plus({ days: 1 });
    }
    return count;
  }

  private exportUrl(actor: Actor): string {
    const signed = this.deps.links.sign({ purpose: OFFICER_ANSWERS_EXPORT, subject: 'all', aadObjectId: actor.aadObjectId });
    return `${this.deps.publicBaseUrl}/exports/officer-answers.yaml?${signed}`;
  }

  private today(): string {
    return londonDate(this.deps.clock.now());
  }

  private nowUtc(): string {
    return this.deps.clock.now().toUTC().toISO()!;
  }
}

/** The knowledge entry an answer becomes: one per question, so adding twice stores it once. */
function entryIdFor(questionId: string): string {
  return `officer-${questionId.slice(3)}`;
}

function roleLabel(actor: Actor): string {
  return actor.role === 'admin' ? 'panel administrator' : 'panel officer';
}

function alreadyAnswered(question: OfficerQuestion): string | undefined {
  return question.answer ? `${question.answer.byName} has already answered this question.` : undefined;
}

export type { StoredQuestion };
