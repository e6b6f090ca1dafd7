import type { Actor } from '../../shared/access/actor';
import { may, requirePermission } from '../../shared/access/policy';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { DomainError } from '../../shared/errors/domain-error';
import type { Clock } from '../../platform/time/clock';
import type { MeetingRepository } from './data/meeting-repository';
import type { Meeting } from './domain/meeting';
import type { MeetingQueries, MeetingQuestion } from './meeting-query';
import { MeetingFormError, type OfficerMeetings } from './officer-meetings';
import { meetingAnswerCard, meetingCard, meetingFormCard } from './teams/meeting-cards';
import { formIdOf } from '../../shared/forms/form';

export interface MeetingDeskDependencies {
  repository: MeetingRepository;
  queries: MeetingQueries;
  officers: OfficerMeetings;
  clock: Clock;
  publicBaseUrl: string;
  /** Re-plans a meeting's reminders (and any cancellation notice) after it changed. */
  replan(meeting: Meeting): Promise<void>;
}

/** The officer's form, as the card sends it back: the fields are validated by OfficerMeetings. */
export interface MeetingFormSubmission extends Record<string, unknown> {
  meetingId?: string;
  sequence?: number;
}

const NEXT: MeetingQuestion = { kind: 'next', focus: 'when' };

/**
 * The meetings use cases behind the cards: questions, the meeting card, and officers adding,
 * editing and cancelling meetings. Every change re-plans the meeting's reminders here, so no
 * caller can forget to.
 */
export class MeetingDesk {
  constructor(private readonly deps: MeetingDeskDependencies) {}

  /**
   * Undefined when the calendar holds nothing for the question and the documents may answer it: a
   * time gone by (the minutes), or the panel's habit ("where does the panel meet": its usual venue).
   */
  async ask(text: string, viewer: Actor): Promise<AdaptiveCardJson | undefined> {
    const answer = await this.deps.queries.ask(text);
    if (answer.kind === 'none' && (answer.past || answer.habitual)) return undefined;
    return meetingAnswerCard(answer, this.cardOptions(viewer));
  }

  async show(meetingId: string, viewer: Actor, heading?: string): Promise<AdaptiveCardJson> {
    const stored = await this.deps.repository.get(meetingId);
    if (!stored) throw new DomainError('not_found', 'I could not find that meeting.');
    return meetingCard(stored.meeting, { ...this.cardOptions(viewer), ...(heading ? { heading } : {}) });
  }

  /** The next meeting that is going ahead, for "send apologies for the next meeting". */
  async nextMeetingId(): Promise<string> {
    const answer = await this.deps.queries.answer(NEXT);
    if (answer.kind !== 'meeting') throw new DomainError('not_found', 'There is no upcoming panel meeting to send apologies for.');
    return answer.meeting.id;
  }

  async addForm(actor: Actor): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'meetings.manage');
    return meetingFormCard();
  }

  async editForm(actor: Actor, meetingId: string): Promise<AdaptiveCardJson> {
    return meetingFormCard({ meeting: await this.deps.officers.forEditing(actor, meetingId) });
  }

  async save(actor: Actor, form: MeetingFormSubmission): Promise<AdaptiveCardJson> {
    try {
      const { meeting, heading } = form.meetingId
        ? { meeting: await this.deps.officers.edit(actor, form.meetingId, form, form.sequence), heading: 'Meeting updated' }
        : await this.add(actor, form);
      // Re-planning is idempotent, so a repeated delivery also mends a run that stopped after saving.
      await this.deps.replan(meeting);
      return meetingCard(meeting, { ...this.cardOptions(actor), heading });
    } catch (error) {
      if (error instanceof MeetingFormError) return meetingFormCard({ error, formId: formIdOf(form) });
      throw error;
    }
  }

  private async add(actor: Actor, form: MeetingFormSubmission): Promise<{ meeting: Meeting; heading: string }> {
    const added = await this.deps.officers.add(actor, form);
    return { meeting: added.meeting, heading: added.outcome === 'created' ? 'Meeting added' : 'This meeting was already added' };
  }

  async cancel(actor: Actor, meetingId: string, sequence: number): Promise<AdaptiveCardJson> {
    const meeting = await this.deps.officers.cancel(actor, meetingId, sequence);
    await this.deps.replan(meeting);
    return meetingCard(meeting, { ...this.cardOptions(actor), heading: 'Meeting cancelled' });
  }

  /** The links and flags every meeting card needs for this viewer. */
  private cardOptions(viewer: Actor) {
    return {
      nowUtc: this.deps.clock.now().toUTC().toISO()!,
      viewerIsOfficer: may(viewer, 'meetings.manage'),
      calendarUrlFor: (meetingId: string) => `${this.deps.publicBaseUrl}/calendar/meetings/${encodeURIComponent(meetingId)}.ics`,
    };
  }
}
