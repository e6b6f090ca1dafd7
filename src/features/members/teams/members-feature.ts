import { z } from 'zod';
import { TurnSender, roleLabel } from '../../../shared/access/actor';
import { requirePermission } from '../../../shared/access/policy';
import { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { noticeCard } from '../../../shared/cards/notice-card';
import { Feature, cardAction } from '../../../shared/feature';
import { Logger } from '../../../platform/logging/logger';
import { MemberDirectory } from '../data/member-directory';
import { AAD_OBJECT_ID_PATTERN } from '../domain/member';
import { RoleService } from '../role-service';
import { renderRolesCard } from './roles-card';
import { rolesCardData } from './roles-card-data';
import { reminderOptOutsCard } from './reminder-opt-outs';

export interface MembersFeatureDependencies {
  members: MemberDirectory;
  roles: RoleService;
  logger: Logger;
}

const targetMemberData = z.object({ aadObjectId: z.string().regex(AAD_OBJECT_ID_PATTERN) });

/** "my role", "roles" (admins), meeting reminder preferences, and the officer grant/revoke buttons. */
export function membersFeature(deps: MembersFeatureDependencies): Feature {
  const { members, roles } = deps;

  async function rolesCard(sender: TurnSender, message?: string): Promise<AdaptiveCardJson> {
    requirePermission(await sender.actor(), 'roles.manage');
    return renderRolesCard(rolesCardData(await roles.membersWithRoles(), message));
  }

  async function changeOfficer(targetId: string, officer: boolean, sender: TurnSender): Promise<AdaptiveCardJson> {
    const changed = await roles.setOfficer(await sender.actor(), targetId, officer);
    deps.logger.info({ event: 'role.changed', target: changed.aadObjectId, by: sender.aadObjectId, officer }, 'role changed');
    return rolesCard(sender, officer ? `${changed.name} is now an officer.` : `${changed.name} is no longer an officer.`);
  }

  async function setReminders(sender: TurnSender, on: boolean): Promise<AdaptiveCardJson> {
    await members.setRemindersOff(sender.aadObjectId, !on);
    return on
      ? noticeCard('Reminders on', "I'll remind you before each panel meeting again.", 'good')
      : noticeCard('Reminders off', "I won't send you meeting reminders any more. Say **start reminders** to turn them back on.", 'good');
  }

  return {
    name: 'members',
    commands: [
      {
        name: 'my-role',
        phrases: ['my role', 'what is my role', 'who am i', 'whoami'],
        run: async (_input, sender) => noticeCard('Your role', `You are signed in as ${sender.name}, with the role of ${roleLabel((await sender.actor()).role)}.`),
      },
      {
        name: 'roles',
        phrases: ['roles', 'manage roles'],
        help: { title: 'roles', detail: 'See everyone who has used the bot and make or remove officers.', role: 'admin' },
        run: (_input, sender) => rolesCard(sender),
      },
      {
        name: 'my-reminders',
        phrases: ['my reminders', 'am i getting reminders', 'are my reminders on'],
        run: async (_input, sender) => {
          const me = await members.find(sender.aadObjectId);
          return me?.remindersOff
            ? noticeCard('Your reminders', "Meeting reminders are **off** for you. Say **start reminders** to get them before each panel meeting.")
            : noticeCard('Your reminders', "Meeting reminders are **on**: I'll send you the meeting card before each panel meeting. Say **stop reminders** to turn them off.");
        },
      },
      { name: 'reminders-off', phrases: ['stop reminders', 'turn off reminders', 'no more reminders'], run: (_input, sender) => setReminders(sender, false) },
      { name: 'reminders-on', phrases: ['start reminders', 'turn on reminders', 'resume reminders'], run: (_input, sender) => setReminders(sender, true) },
      {
        name: 'reminder-opt-outs',
        phrases: ['reminder opt-outs', 'reminder opt outs', 'who has opted out', 'who has stopped reminders'],
        help: { title: 'reminder opt-outs', detail: 'Who has stopped meeting reminders.', role: 'officer' },
        run: async (_input, sender) => {
          requirePermission(await sender.actor(), 'reminders.optOuts.read');
          return reminderOptOutsCard(await members.list({ activeOnly: true }));
        },
      },
    ],
    verbs: {
      'role.grantOfficer': cardAction(targetMemberData, (data, sender) => changeOfficer(data.aadObjectId, true, sender)),
      'role.revokeOfficer': cardAction(targetMemberData, (data, sender) => changeOfficer(data.aadObjectId, false, sender)),
    },
  };
}
