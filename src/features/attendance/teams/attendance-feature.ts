import { z } from 'zod';
import type { TurnSender } from '../../../shared/access/actor';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { noticeCard } from '../../../shared/cards/notice-card';
import { emptyPanelReport, renderPanelReportCard } from '../../../shared/cards/panel-report-card';
import { type Feature, cardAction } from '../../../shared/feature';
import { formatLondonDateTime, formatLondonTime } from '../../../platform/time/london';
import type { EventDesk } from '../../events';
import type { MeetingDesk } from '../../meetings';
import type { AttendanceDesk, CheckInOutcome } from '../attendance-desk';
import { type Occasion, occasionIdSchema } from '../domain/attendance';

export interface AttendanceFeatureDependencies {
  desk: AttendanceDesk;
  events: EventDesk;
  meetings: MeetingDesk;
}

const occasionRef = z.object({ occasionId: occasionIdSchema, page: z.coerce.number().int().min(0).max(10_000).optional() });
// The form's inputs arrive with the data; AttendanceDesk validates them against the roster.
const recordForm = z.looseObject({});

/** Attendance at events and panel meetings: officers record it, members check in ("I'm here"). */
export function attendanceFeature(deps: AttendanceFeatureDependencies): Feature {
  const { desk } = deps;

  /** After "I'm here": the card it came from, saying so (the invitation for an event, the meeting card for a meeting). */
  async function checkInResultCard(result: CheckInOutcome, sender: TurnSender): Promise<AdaptiveCardJson> {
    const at = result.record ? formatLondonTime(result.record.atUtc) : '';
    const heading =
      result.outcome === 'checked_in'
        ? `You're checked in${at ? ` at ${at}` : ''}. Thank you for coming.`
        : `You were already checked in${at ? ` at ${at}` : ''}.`;
    if (result.occasion.kind === 'event') return deps.events.invitation(sender, result.occasion.id, heading);
    return deps.meetings.show(result.occasion.id, await sender.actor(), heading);
  }

  /** "I'm here" typed: checks in to the one event or meeting open now, or lists them when there are several. */
  async function checkInTyped(sender: TurnSender): Promise<AdaptiveCardJson> {
    const member = { aadObjectId: sender.aadObjectId, name: sender.name };
    const open = await desk.openForCheckIn(member);
    if (open.length === 0)
      return noticeCard(
        'Nothing to check in to',
        'There is no event or panel meeting open for check-in right now. Check-in opens half an hour before the start.',
      );
    if (open.length > 1) return checkInChoiceCard(open);
    return checkInResultCard(await desk.checkIn(member, open[0]!.id), sender);
  }

  return {
    name: 'attendance',
    commands: [
      {
        name: 'record-attendance',
        access: 'attendance.record',
        phrases: ['record attendance', 'take attendance', 'attendance'],
        help: {
          title: 'record attendance',
          detail: 'Record who attended an event or panel meeting; corrections are kept.',
          role: 'officer',
        },
        run: async (_input, sender) => desk.recent(await sender.actor()),
      },
      {
        name: 'check-in',
        access: 'attendance.checkIn',
        phrases: ["i'm here", 'im here', 'i am here', 'check in', 'check me in'],
        run: (_input, sender) => checkInTyped(sender),
      },
    ],
    verbs: {
      'attendance.form': cardAction('attendance.record', occasionRef, async (data, sender) =>
        desk.form(await sender.actor(), data.occasionId, data.page ?? 0),
      ),
      'attendance.record': cardAction('attendance.record', recordForm, async (data, sender) => desk.record(await sender.actor(), data)),
      'attendance.history': cardAction('attendance.record', occasionRef, async (data, sender) =>
        desk.history(await sender.actor(), data.occasionId),
      ),
      'attendance.checkIn': cardAction('attendance.checkIn', occasionRef, async (data, sender) =>
        checkInResultCard(await desk.checkIn({ aadObjectId: sender.aadObjectId, name: sender.name }, data.occasionId), sender),
      ),
    },
  };
}

/** Several events open for check-in at once: one button each. */
export function checkInChoiceCard(occasions: readonly Occasion[]): AdaptiveCardJson {
  return renderPanelReportCard({
    ...emptyPanelReport('Which are you at?'),
    choices: occasions.map((occasion) => ({
      title: `${occasion.title.slice(0, 50)}, ${formatLondonDateTime(occasion.startUtc)}`,
      verb: 'attendance.checkIn',
      data: { occasionId: occasion.id },
    })),
  });
}
