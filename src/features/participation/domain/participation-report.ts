import { EVENT_KIND_LABELS, type EventKind, type ParticipationEvent } from '../../events/domain/event';
import type { ReportPeriod } from '../../../shared/reports/report-period';
import { londonStartOfDay } from '../../../platform/time/london';

/** The kinds Recommendation 6 asks members to engage with; training (Recommendation 3) and "other" are reported elsewhere. */
export const PARTICIPATION_KINDS: readonly EventKind[] = ['vsk-activity', 'achievement-awards', 'foster-carer', 'participation'];

/** What the report needs to know about one event: who was invited, who replied, who attended. */
export interface EventFacts {
  event: Pick<ParticipationEvent, 'id' | 'title' | 'kind' | 'startUtc' | 'status'>;
  invited: readonly string[];
  replied: readonly string[];
  attended: readonly string[];
}

export interface ParticipationRow {
  aadObjectId: string;
  name: string;
  invited: number;
  replied: number;
  attended: number;
}

export interface ParticipationReport {
  period: ReportPeriod;
  /** The period has not ended: figures are as at today. */
  partial: boolean;
  eventsHeld: number;
  members: number;
  attendedAtLeastOne: number;
  /** Of all members, the share who attended at least one participation event, in per cent to one decimal. */
  sharePercent: number;
  invitations: number;
  replies: number;
  attendances: number;
  byKind: { kind: EventKind; label: string; events: number; attendances: number }[];
  rows: ParticipationRow[];
  /** The share per quarter over the four quarters ending with the period's last. */
  trend: { quarter: string; sharePercent: number; events: number }[];
}

export interface ParticipationInput {
  period: ReportPeriod;
  /** The four quarters of the trend, oldest first. */
  trendQuarters: readonly ReportPeriod[];
  members: readonly { aadObjectId: string; name: string }[];
  /** Every event that may fall in the period or the trend; others are ignored. */
  events: readonly EventFacts[];
  nowUtc: string;
}

/** Whether an event counts for the report: a participation kind, not cancelled, started by now. */
export function countsForParticipation(event: EventFacts['event'], nowUtc: string): boolean {
  return PARTICIPATION_KINDS.includes(event.kind) && event.status !== 'cancelled' && event.startUtc <= nowUtc;
}

/** The report's arithmetic (pure): per member, events invited / replied / attended; the share who attended any. */
export function buildParticipationReport(input: ParticipationInput): ParticipationReport {
  const inPeriod = eventsIn(input.events, input.period, input.nowUtc);
  const members = new Map(input.members.map((member) => [member.aadObjectId, member]));
  const rows = new Map<string, ParticipationRow>(
    [...members.values()].map((member) => [
      member.aadObjectId,
      { aadObjectId: member.aadObjectId, name: member.name, invited: 0, replied: 0, attended: 0 },
    ]),
  );
  for (const facts of inPeriod) {
    for (const id of new Set(facts.invited)) bump(rows, id, 'invited');
    for (const id of new Set(facts.replied)) bump(rows, id, 'replied');
    for (const id of new Set(facts.attended)) bump(rows, id, 'attended');
  }
  const list = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.aadObjectId.localeCompare(b.aadObjectId));
  const attendedAtLeastOne = list.filter((row) => row.attended > 0).length;
  return {
    period: input.period,
    partial: input.nowUtc < periodEndUtc(input.period),
    eventsHeld: inPeriod.length,
    members: list.length,
    attendedAtLeastOne,
    sharePercent: percent(attendedAtLeastOne, list.length),
    invitations: sum(list, 'invited'),
    replies: sum(list, 'replied'),
    attendances: sum(list, 'attended'),
    byKind: PARTICIPATION_KINDS.map((kind) => {
      const ofKind = inPeriod.filter((facts) => facts.event.kind === kind);
      return {
        kind,
        label: EVENT_KIND_LABELS[kind],
        events: ofKind.length,
        attendances: ofKind.reduce((total, facts) => total + new Set(facts.attended.filter((id) => members.has(id))).size, 0),
      };
    }),
    rows: list,
    trend: input.trendQuarters.map((quarter) => {
      const events = eventsIn(input.events, quarter, input.nowUtc);
      const attended = new Set(events.flatMap((facts) => facts.attended).filter((id) => members.has(id)));
      return { quarter: quarter.title, sharePercent: percent(attended.size, members.size), events: events.length };
    }),
  };
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/** The first instant after the period (London midnight), as UTC ISO. */
export function periodEndUtc(period: ReportPeriod): string {
  return londonStartOfDay(period.endExclusive).toUTC().toISO()!;
}

export function periodStartUtc(period: ReportPeriod): string {
  return londonStartOfDay(period.start).toUTC().toISO()!;
}

function eventsIn(events: readonly EventFacts[], period: ReportPeriod, nowUtc: string): EventFacts[] {
  const from = periodStartUtc(period);
  const to = periodEndUtc(period);
  return events.filter((facts) => facts.event.startUtc >= from && facts.event.startUtc < to && countsForParticipation(facts.event, nowUtc));
}

function bump(rows: Map<string, ParticipationRow>, id: string, field: 'invited' | 'replied' | 'attended'): void {
  const row = rows.get(id);
  if (row) row[field]++;
}

function sum(rows: readonly ParticipationRow[], field: 'invited' | 'replied' | 'attended'): number {
  return rows.reduce((total, row) => total + row[field], 0);
}
