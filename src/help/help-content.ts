import { Role, hasRole } from '../members/actor';
import { HelpCardData } from '../cards/help-card';
import { WelcomeCardData } from '../cards/welcome-card';

const CAPABILITIES = [
  { title: 'The panel', detail: "Ask about the panel's purpose, accountability, responsibilities, priority areas and membership." },
  { title: 'Select Committee', detail: 'Ask what any of the 15 recommendations of the 2015 Select Committee asked for.' },
  { title: 'Acronyms', detail: 'Type an acronym such as NEET, UASC or OCYPC to see what it means.' },
  { title: 'Contacts', detail: 'Ask whom to contact about the panel.' },
  { title: 'Meetings', detail: '"When is the next meeting?", "any meetings in March?", "send apologies for the next meeting". Say "stop reminders" or "start reminders".' },
  { title: 'Events', detail: '"events" for what is coming up, "my calendar link" for the Members\' Calendar, "stop bulletin" or "start bulletin".' },
  { title: 'Challenge cards', detail: '"my challenge cards", "challenge CC-2026-014", "challenge report for Q3 2026".' },
];

/** Questions the knowledge base answers well: offered on the welcome, help and "I don't know" cards. */
export const EXAMPLE_QUESTIONS: readonly string[] = [
  'Who is the panel accountable to?',
  'What are the four priority areas?',
  'What did recommendation 6 ask for?',
  'What does UASC mean?',
  'Who do I contact about the panel?',
];

const STAFF_COMMANDS: { title: string; detail: string; role: Role }[] = [
  { title: 'add meeting', detail: 'Add a panel meeting; edit, move or cancel it from its card.', role: 'officer' },
  { title: 'apologies for the next meeting', detail: 'Who has sent apologies.', role: 'officer' },
  { title: 'reminder opt-outs', detail: 'Who has stopped meeting reminders.', role: 'officer' },
  { title: 'new event', detail: 'Invite members to a participation event; follow replies on its card.', role: 'officer' },
  { title: 'attendees for <event>', detail: 'Who is going, with a CSV download.', role: 'officer' },
  { title: 'new challenge', detail: 'Record a challenge from a children\'s council and assign it.', role: 'officer' },
  { title: 'challenge cards overdue', detail: 'List challenge cards (also by status or priority area).', role: 'officer' },
  { title: 'feedback', detail: 'See which answers members found unhelpful.', role: 'officer' },
  { title: 'roles', detail: 'See everyone who has used the bot and make or remove officers.', role: 'admin' },
];

const ROLE_LABELS: Record<Role, string> = { member: 'member', officer: 'officer', admin: 'administrator' };

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** The one line on the welcome card about what the bot keeps; the privacy page says the rest. */
export const DATA_NOTICE =
  'I keep your Teams id and name, your chat with me, and what you send me here (apologies, replies, responses to challenge cards), in the council\'s Azure storage. Never your e-mail or party.';

/** `publicBaseUrl`: where the bot serves its privacy notice (`/privacy`). */
export function welcomeCardData(publicBaseUrl: string): WelcomeCardData {
  return {
    dataNotice: DATA_NOTICE,
    privacyUrl: `${publicBaseUrl}/privacy`,
    intro: "I help members of Kent County Council's Corporate Parenting Panel: ask me about the panel in your own words (every answer names the document it comes from), and I'll remind you of meetings, take your apologies, invite you to participation events and keep you up to date on the children's challenge cards.",
    capabilities: CAPABILITIES,
    suggestions: EXAMPLE_QUESTIONS.slice(0, 3).map((question) => ({ question })),
  };
}

export function helpCardData(role: Role): HelpCardData {
  return {
    capabilities: [...CAPABILITIES, { title: 'my role', detail: 'See which role the bot gives you.' }],
    examples: EXAMPLE_QUESTIONS.map((question) => ({ question })),
    staffCommands: STAFF_COMMANDS.filter((command) => hasRole(role, command.role)).map(({ title, detail }) => ({ title, detail })),
    roleLabel: roleLabel(role),
  };
}
