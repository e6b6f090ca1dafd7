import { z } from 'zod';
import { type TurnSender, holdingLabel, roleSchema } from '../../../shared/access/actor';
import { may, requirePermission } from '../../../shared/access/policy';
import { DomainError } from '../../../shared/errors/domain-error';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { noticeCard } from '../../../shared/cards/notice-card';
import { type CommandInput, type Feature, cardAction } from '../../../shared/feature';
import { literalText } from '../../../shared/text/literal-text';
import type { Logger } from '../../../platform/logging/logger';
import type { MemberDirectory } from '../data/member-directory';
import { AAD_OBJECT_ID_PATTERN } from '../domain/member';
import type { RoleService } from '../role-service';
import type { MemberImport } from '../member-import';
import { importSummaryData, renderImportSummaryCard } from './import-summary-card';
import { renderRolesCard } from './roles-card';
import { MAX_ROLES_QUERY, rolesCardData } from './roles-card-data';
import { myRoleNotice } from './my-role-notice';
import { reminderOptOutsCard } from './reminder-opt-outs';

export interface MembersFeatureDependencies {
  members: MemberDirectory;
  roles: RoleService;
  imports: MemberImport;
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
// The person's inputs (`role-<id>`, `councillor-<id>`) come with the data: read once the id is checked.
const roleSetData = z.looseObject({ aadObjectId: z.string().regex(AAD_OBJECT_ID_PATTERN), ...rolesView });
const rolesPageData = z.object(rolesView);
const toggle = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

/** "my role", "roles" and its card, imports from a Team's roster, and meeting reminder preferences. */
export function membersFeature(deps: MembersFeatureDependencies): Feature {
  const { members, roles } = deps;

  /** The roles card at a page and search, drawn for the viewer (officers and administrators). */
  async function rolesCard(sender: TurnSender, view: { page: number; query: string; message?: string }): Promise<AdaptiveCardJson> {
    const actor = await sender.actor();
    requirePermission(actor, 'roles.manage');
    return renderRolesCard(rolesCardData(await roles.membersWithRoles(), actor, view));
  }

  async function setRole(data: z.infer<typeof roleSetData>, sender: TurnSender): Promise<AdaptiveCardJson> {
    const role = roleSchema.safeParse(data[`role-${data.aadObjectId}`]);
    const councillor = toggle.safeParse(data[`councillor-${data.aadObjectId}`]);
    if (!role.success && !councillor.success) throw new DomainError('invalid_input', 'Choose a role for this person, then press Save.');
    const actor = await sender.actor();
    const outcome = await roles.assign(actor, data.aadObjectId, {
      ...(role.success ? { role: role.data } : {}),
      ...(councillor.success ? { councillor: councillor.data } : {}),
    });
    const { person } = outcome;
    if (outcome.changed)
      deps.logger.info(
        { event: 'role.changed', target: person.aadObjectId, by: actor.aadObjectId, role: person.role, councillor: person.councillor },
        'role changed',
      );
    const message = outcome.changed
      ? `${literalText(person.name)} is now ${article(holdingLabel(person))}.`
      : `${literalText(person.name)} was already ${article(holdingLabel(person))}: nothing changed.`;
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
        access: 'roles.mine',
        phrases: ['my role', 'what is my role', 'who am i', 'whoami'],
        run: async (_input, sender) => myRoleNotice(sender.name, await sender.actor()),
      },
      {
        name: 'roles',
        access: 'roles.manage',
        phrases: ['roles', 'manage roles'],
        // "roles Smith": the roles card searched by name.
        patterns: [/^(?:manage\s+)?roles\s+(?:for\s+)?(\S.{0,99})$/],
        help: {
          title: 'roles',
          detail: 'Who is a guest, a panel member, a councillor or an officer, and change it ("roles Smith" to search).',
          role: 'officer',
        },
        run: (input, sender) => rolesCard(sender, { page: 0, query: typedTail(input, MAX_ROLES_QUERY) }),
      },
      {
        name: 'import-members',
        access: 'roles.import',
        patterns: [/^import\s+(panel members|the panel|panel|councillors|all councillors)\s+from\s+(?:the\s+)?(?:team\s+)?(\S.{0,119})$/],
        help: {
          title: 'import panel members from <Team>',
          detail: 'Make everyone in a Team the bot is in a panel member ("import councillors from <Team>" marks councillors).',
          role: 'officer',
        },
        run: async (input, sender) => {
          const kind = input.match?.[1]?.includes('councillors') ? 'councillors' : 'panel';
          const summary = await deps.imports.run(await sender.actor(), typedTail(input, 120), kind);
          deps.logger.info(
            { event: 'roles.imported', kind, by: sender.aadObjectId, added: summary.added.length, inRoster: summary.inRoster },
            'members imported from a Team',
          );
          return renderImportSummaryCard(importSummaryData(summary));
        },
      },
      {
        name: 'my-reminders',
        access: 'meetings.reminders',
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
        access: 'meetings.reminders',
        phrases: ['stop reminders', 'turn off reminders', 'no more reminders'],
        run: (_input, sender) => setReminders(sender, false),
      },
      {
        name: 'reminders-on',
        access: 'meetings.reminders',
        phrases: ['start reminders', 'turn on reminders', 'resume reminders'],
        run: (_input, sender) => setReminders(sender, true),
      },
      {
        name: 'reminder-opt-outs',
        access: 'reminders.optOuts.read',
        phrases: ['reminder opt-outs', 'reminder opt outs', 'who has opted out', 'who has stopped reminders'],
        help: { title: 'reminder opt-outs', detail: 'Who has stopped meeting reminders.', role: 'officer' },
        run: async (_input, sender) => {
          requirePermission(await sender.actor(), 'reminders.optOuts.read');
          return reminderOptOutsCard(await roles.activeWhere((person) => may(person, 'meetings.reminders')));
        },
      },
    ],
    verbs: {
      'role.set': cardAction('roles.assign', roleSetData, (data, sender) => setRole(data, sender)),
      'roles.page': cardAction('roles.manage', rolesPageData, (data, sender) => rolesCard(sender, data)),
    },
  };
}

function article(label: string): string {
  return /^[aeiou]/i.test(label) ? `an ${label}` : `a ${label}`;
}

/** The pattern's last group as typed (case kept): the pattern matched the lower-cased text, so cut the original. */
function typedTail(input: CommandInput, max: number): string {
  const group = input.match?.[input.match.length - 1];
  if (!group) return '';
  const typed = input.text
    .replace(/\s+/g, ' ')
    .replace(/[!.?]+$/g, '')
    .trim();
  return typed
    .slice(typed.length - group.length)
    .trim()
    .slice(0, max);
}
