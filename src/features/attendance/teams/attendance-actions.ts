import { z } from 'zod';
import { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { emptyPanelReport, renderPanelReportCard } from '../../../shared/cards/panel-report-card';
import { BotServices } from '../../../platform/teams/bot-services';
import { CardAction, cardAction } from '../../../platform/teams/card-action';
import { formatLondonDateTime, formatLondonTime } from '../../../platform/time/london';
import { TurnSender } from '../../members/domain/actor';
import { showMeeting } from '../../meetings/teams/meeting-turn';
import { Occasion, occasionIdSchema } from '../domain/attendance';
import { CheckInOutcome } from '../attendance-desk';

const occasionRef = z.object({ occasionId: occasionIdSchema, page: z.coerce.number().int().min(0).max(10_000).optional() });
// The form's inputs arrive with the data; AttendanceDesk validates them against the roster.
const recordForm = z.looseObject({});

/** After "I'm here": the card it came from, saying so (the invitation for an event, the meeting card for a meeting). */
export async function checkInResultCard(result: CheckInOutcome, sender: TurnSender, services: BotServices): Promise<AdaptiveCardJson> {
  const at = result.record ? formatLondonTime(result.record.atUtc) : '';
  const heading = result.outcome === 'checked_in' ? `You're checked in${at ? ` at ${at}` : ''}. Thank you for coming.` : `You were already checked in${at ? ` at ${at}` : ''}.`;
  if (result.occasion.kind === 'event') return services.events.desk.invitation(sender, result.occasion.id, heading);
  return showMeeting(result.occasion.id, sender, services, heading);
}

/** Several events open for check-in at once: one button each. */
export function checkInChoiceCard(occasions: readonly Occasion[]): AdaptiveCardJson {
  return renderPanelReportCard({
    ...emptyPanelReport('Which are you at?'),
    choices: occasions.map((occasion) => ({ title: `${occasion.title.slice(0, 50)}, ${formatLondonDateTime(occasion.startUtc)}`, verb: 'attendance.checkIn', data: { occasionId: occasion.id } })),
  });
}

/** Action.Execute verbs of attendance. */
export const ATTENDANCE_ACTIONS: Record<string, CardAction> = {
  'attendance.form': cardAction(occasionRef, async (data, sender, services) => services.attendance.form(await sender.actor(), data.occasionId, data.page ?? 0)),
  'attendance.record': cardAction(recordForm, async (data, sender, services) => services.attendance.record(await sender.actor(), data)),
  'attendance.history': cardAction(occasionRef, async (data, sender, services) => services.attendance.history(await sender.actor(), data.occasionId)),
  'attendance.checkIn': cardAction(occasionRef, async (data, sender, services) => checkInResultCard(await services.attendance.checkIn({ aadObjectId: sender.aadObjectId, name: sender.name }, data.occasionId), sender, services)),
};
