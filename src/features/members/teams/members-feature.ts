import { z } from 'zod';
import type { TurnSender } from '../../../shared/access/actor';
import { requirePermission } from '../../../shared/access/policy';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { noticeCard } from '../../../shared/cards/notice-card';
import { type CommandInput, type Feature, cardAction } from '../../../shared/feature';
import { literalText } from '../../../shared/text/literal-text';
import type { Logger } from '../../../platform/logging/logger';
import type { MemberDirectory } from '../data/member-directory';
import { AAD_OBJECT_ID_PATTERN } from '../domain/member';
import type { RoleService } from '../role-service';
import { renderRolesCard } from './roles-card';
import { MAX_ROLES_QUERY, rolesCardData } from './roles-card-data';
import { myRoleNotice } from './my-role-notice';
import { reminderOptOutsCard } from './reminder-opt-outs';

export interface MembersFeatureDependencies {
  members: MemberDirectory;
  roles: RoleService;
  logger: Logger;
}

// The page and search ride along on every roles-card button; out-of-range values fall back to the first page / no search.
const rolesView = {
  page: z.coerce.number().int().min(0).max(100_000).catch(0).default(0),
  query: z
    .string()
    .catch('')
    .default('')
    .transform((query) => query.trim().slice(0, MAX_ROLES_QUERY)),
};
const targetMemberData = z.object({ aadObjectId: z.string().regex(AAD_OBJECT_ID_PATTERN), ...rolesView });
const rolesPageData = z.object(rolesView);

/** "my role", "roles" (admins), meeting reminder preferences, and the officer grant/revoke buttons. */
export function membersFeature(deps: MembersFeatureDependencies): Feature {
  const { members, roles } = deps;

  /** The roles card at a page and search (administrators only). */
  async function rolesCard(sender: TurnSender, view: { page: number; query: string; message?: string }): Promise<AdaptiveCardJson> {
    requirePermission(await sender.actor(), 'roles.manage');
    return renderRolesCard(rolesCardData(await roles.membersWithRoles(), view));
  }

  async function changeOfficer(data: z.infer<typeof targetMemberData>, officer: boolean, sender: TurnSender): Promise<AdaptiveCardJson> {
    const changed = await roles.setOfficer(await sender.actor(), data.aadObjectId, officer);
    deps.logger.info({ event: 'role.changed', target: changed.aadObjectId, by: sender.aadObjectId, officer }, 'role changed');
    const message = officer ? `${literalText(changed.name)} is now an officer.` : `${literalText(changed.name)} is no longer an officer.`;
    return rolesCard(sender, { page: data.page, query: data.query, message });
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
        run: async (_input, sender) => myRoleNotice(sender.name, (await sender.actor()).role),
      },
      {
        name: 'roles',
        phrases: ['roles', 'manage roles'],
        // "roles Smith": the roles card searched by name.
        patterns: [/^(?:manage\s+)?roles\s+(?:for\s+)?(\S.{0,99})$/],
        help: {
          title: 'roles',
          detail: 'See everyone who has used the bot and make or remove officers ("roles Smith" to search).',
          role: 'admin',
        },
        run: (input, sender) => rolesCard(sender, { page: 0, query: rolesQuery(input) }),
      },
      {
        name: 'my-reminders',
        phrases: ['my reminders', 'am i getting reminders', 'are my reminders on'],
        run: async (_input, sender) => {
          const me = await members.find(sender.aadObjectId);
          return me?.remindersOff
            ? noticeCard(
                'Your reminders',
                'Meeting reminders are **off** for you. Say **start reminders** to get them before each panel meeting.',
              )
            : noticeCard(
                'Your reminders',
                "Meeting reminders are **on**: I'll send you the meeting card before each panel meeting. Say **stop reminders** to turn them off.",
              );
        },
      },
      {
        name: 'reminders-off',
        phrases: ['stop reminders', 'turn off reminders', 'no more reminders'],
        run: (_input, sender) => setReminders(sender, false),
      },
      {
        name: 'reminders-on',
        phrases: ['start reminders', 'turn on reminders', 'resume reminders'],
        run: (_input, sender) => setReminders(sender, true),
      },
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
      'role.grantOfficer': cardAction(targetMemberData, (data, sender) => changeOfficer(data, true, sender)),
      'role.revokeOfficer': cardAction(targetMemberData, (data, sender) => changeOfficer(data, false, sender)),
      'roles.page': cardAction(rolesPageData, (data, sender) => rolesCard(sender, data)),
    },
  };
}

/** The name searched for, as typed (case kept): the pattern matched the lower-cased text, so cut the original. */
function rolesQuery(input: CommandInput): string {
  if (!input.match) return '';
  const typed = input.text.replace(/[!.?]+$/g, '').trim();
  return typed
    .slice(typed.length - input.match[1]!.length)
    .trim()
    .slice(0, MAX_ROLES_QUERY);
}
