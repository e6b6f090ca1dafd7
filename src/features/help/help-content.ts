import { type Role, hasRole, roleLabel } from '../../shared/access/actor';
import type { HelpEntry } from '../../shared/feature';
import { EXAMPLE_QUESTIONS } from '../remit';
import type { HelpCardData } from './teams/help-card';
import type { WelcomeCardData } from './teams/welcome-card';

const CAPABILITIES = [
  { title: 'The panel', detail: "Ask about the panel's purpose, accountability, responsibilities, priority areas and membership." },
  { title: 'Select Committee', detail: 'Ask what any of the 15 recommendations of the 2015 Select Committee asked for.' },
  { title: 'Acronyms', detail: 'Type an acronym such as NEET, UASC or OCYPC to see what it means.' },
  { title: 'Contacts', detail: 'Ask whom to contact about the panel.' },
  {
    title: 'Ask an officer',
    detail: "When I can't answer, or my answer didn't help, press Ask an officer: the panel's officers answer you here.",
  },
  {
    title: 'Meetings',
    detail:
      '"When is the next meeting?", "any meetings in March?", "send apologies for the next meeting". Say "stop reminders" or "start reminders".',
  },
  {
    title: 'Events',
    detail: '"events" for what is coming up, "my calendar link" for the Members\' Calendar, "stop bulletin" or "start bulletin".',
  },
  {
    title: 'Training and attendance',
    detail:
      '"my training" for your corporate parenting training record; "I\'m here" to check in at an event or meeting. Say "stop training reminders" if you do not want them.',
  },
  { title: 'Key figures', detail: '"key figures" for the latest headline figures about children in care.' },
  { title: 'Challenge cards', detail: '"my challenge cards", "challenge CC-2026-014", "challenge report for Q3 2026".' },
];

/** The one line on the welcome card about what the bot keeps; the privacy page says the rest. */
export const DATA_NOTICE =
  'I keep your Teams id and name, your chat with me, and what you send me here (apologies, replies, responses to challenge cards), in the council\'s Azure storage. Never your e-mail or party. Say "my data" for a copy.';

/** `publicBaseUrl`: where the bot serves its privacy notice (`/privacy`). */
export function welcomeCardData(publicBaseUrl: string): WelcomeCardData {
  return {
    dataNotice: DATA_NOTICE,
    privacyUrl: `${publicBaseUrl}/privacy`,
    intro:
      "I help members of Kent County Council's Corporate Parenting Panel: ask me about the panel in your own words (every answer names the document it comes from), and I'll remind you of meetings, take your apologies, invite you to participation events and keep you up to date on the children's challenge cards.",
    capabilities: CAPABILITIES,
    suggestions: EXAMPLE_QUESTIONS.slice(0, 3).map((question) => ({ question })),
  };
}

/** The help card for `role`; staff commands come from what the features register. */
export function helpCardData(role: Role, staffCommands: readonly HelpEntry[]): HelpCardData {
  return {
    capabilities: [...CAPABILITIES, { title: 'my role', detail: 'See which role the bot gives you.' }],
    examples: EXAMPLE_QUESTIONS.map((question) => ({ question })),
    staffCommands: staffCommands.filter((command) => hasRole(role, command.role)).map(({ title, detail }) => ({ title, detail })),
    roleLabel: roleLabel(role),
  };
}
