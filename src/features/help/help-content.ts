import { Role, hasRole } from '../members/domain/actor';
import { HelpCardData } from './teams/help-card';
import { WelcomeCardData } from './teams/welcome-card';

const CAPABILITIES = [
  { title: 'The panel', detail: "Ask about the panel's purpose, accountability, responsibilities, priority areas and membership." },
  { title: 'Select Committee', detail: 'Ask what any of the 15 recommendations of the 2015 Select Committee asked for.' },
  { title: 'Acronyms', detail: 'Type an acronym such as NEET, UASC or OCYPC to see what it means.' },
  { title: 'Contacts', detail: 'Ask whom to contact about the panel.' },
  { title: 'Meetings', detail: '"When is the next meeting?", "any meetings in March?", "send apologies for the next meeting". Say "stop reminders" or "start reminders".' },
  { title: 'Events', detail: '"events" for what is coming up, "my calendar link" for the Members\' Calendar, "stop bulletin" or "start bulletin".' },
  { title: 'Challenge cards', detail: '"my challenge cards", "challenge CC-2026-014", "challenge report for Q3 2026".' },
  { title: 'Training and attendance', detail: '"my training" for your corporate parenting training record; "I\'m here" to check in at an event or meeting. Say "stop training reminders" if you do not want them.' },
  { title: 'Key figures', detail: '"key figures" for the latest headline figures about children in care.' },
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
  { title: 'record attendance', detail: 'Tick who attended a recent event or meeting (corrections are kept in its history).', role: 'officer' },
  { title: 'training due', detail: 'Councillors with no corporate parenting training since the election.', role: 'officer' },
  { title: 'participation report for 2026', detail: 'Members\' invitations, replies and attendance, with a chart and a Word report.', role: 'officer' },
  { title: 'enter key figures', detail: 'The quarter\'s headline figures for the bulletin.', role: 'officer' },
  { title: 'you said we did', detail: 'The year\'s closed challenges for the children\'s councils, to edit and send.', role: 'officer' },
  { title: 'feedback', detail: 'See which answers members found unhelpful.', role: 'officer' },
  { title: 'roles', detail: 'See everyone who has used the bot and make or remove officers.', role: 'admin' },
];

const ROLE_LABELS: Record<Role, string> = { member: 'member', officer: 'officer', admin: 'administrator' };

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

export function welcomeCardData(): WelcomeCardData {
  return {
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
