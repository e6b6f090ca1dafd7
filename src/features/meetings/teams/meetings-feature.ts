import { z } from 'zod';
import { type Feature, cardAction, notFound } from '../../../shared/feature';
import type { JobHandler } from '../../../platform/scheduler/scheduled-job';
import { meetingIdSchema } from '../domain/meeting';
import { ICS_CONTENT_TYPE } from '../domain/ics-export';
import type { MeetingCalendar } from '../domain/meeting-calendar';
import type { MeetingDesk } from '../meeting-desk';
import { isMeetingQuestion } from '../meeting-query';
import { icsFileId } from '../../../shared/text/ics-file-name';

export interface MeetingsFeatureDependencies {
  desk: MeetingDesk;
  calendar: MeetingCalendar;
  /** The reminder jobs (MeetingReminders.handlers()). */
  jobs: Readonly<Record<string, JobHandler>>;
}

const meetingRef = z.object({ meetingId: meetingIdSchema });
const versionedMeetingRef = meetingRef.extend({ sequence: z.coerce.number().int().min(0) });
// The form's inputs arrive with the data; OfficerMeetings validates the fields themselves.
const meetingForm = z.looseObject({
  meetingId: z.union([meetingIdSchema, z.literal('')]).optional(),
  sequence: z.coerce.number().int().min(0).optional(),
});

/** Meeting questions, the meeting card and officers' meetings, reminders, and the meeting .ics. */
export function meetingsFeature(deps: MeetingsFeatureDependencies): Feature {
  const { desk, calendar } = deps;
  return {
    name: 'meetings',
    commands: [
      {
        name: 'add-meeting',
        access: 'meetings.manage',
        phrases: ['add meeting', 'add a meeting', 'new meeting'],
        help: { title: 'add meeting', detail: 'Add a panel meeting; edit, move or cancel it from its card.', role: 'officer' },
        run: async (_input, sender) => desk.addForm(await sender.actor()),
      },
    ],
    verbs: {
      'meeting.show': cardAction('meetings.read', meetingRef, async (data, sender) => desk.show(data.meetingId, await sender.actor())),
      'meeting.edit': cardAction('meetings.manage', meetingRef, async (data, sender) =>
        desk.editForm(await sender.actor(), data.meetingId),
      ),
      'meeting.cancel': cardAction('meetings.manage', versionedMeetingRef, async (data, sender) =>
        desk.cancel(await sender.actor(), data.meetingId, data.sequence),
      ),
      'meeting.save': cardAction('meetings.manage', meetingForm, async (data, sender) =>
        desk.save(await sender.actor(), { ...data, meetingId: data.meetingId || undefined }),
      ),
    },
    freeText: {
      access: 'meetings.read',
      accepts: isMeetingQuestion,
      run: async (text, sender) => desk.ask(text, await sender.actor()),
    },
    jobs: deps.jobs,
    downloads: [
      {
        path: '/calendar/meetings/:file',
        access: 'meetings.read',
        serve: async ({ params }) => {
          const id = icsFileId(params.file);
          const file = id ? await calendar.forMeeting(id) : undefined;
          return file ? { kind: 'file', ...file, contentType: ICS_CONTENT_TYPE } : notFound();
        },
      },
    ],
  };
}
