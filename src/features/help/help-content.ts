import { type Actor, hasRole, holdingLabel } from '../../shared/access/actor';
import { type Permission, may } from '../../shared/access/policy';
import type { HelpEntry } from '../../shared/feature';
import { EXAMPLE_QUESTIONS } from '../remit';
import type { HelpCardData } from './teams/help-card';
import type { WelcomeCardData } from './teams/welcome-card';

/** What the help card offers, each with the row of the access matrix that lets someone use it. */
const CAPABILITIES: { title: string; detail: string; access: Permission }[] = [
  {
    access: 'remit.ask',
    title: 'The panel',
    detail: "Ask about the panel's purpose, accountability, responsibilities, priority areas and membership.",
  },
  {
    access: 'remit.ask',
    title: 'Select Committee',
    detail: 'Ask what any of the 15 recommendations of the 2015 Select Committee asked for.',
  },
  { access: 'remit.ask', title: 'Acronyms', detail: 'Type an acronym such as NEET, UASC or OCYPC to see what it means.' },
  { access: 'remit.ask', title: 'Contacts', detail: 'Ask whom to contact about the panel.' },
  {
    access: 'remit.ask',
    title: 'Ask an officer',
    detail: "When I can't answer, or my answer didn't help, press Ask an officer: the panel's officers answer you here.",
  },
  { access: 'meetings.read', title: 'Meetings', detail: '"When is the next meeting?", "where is it?", "any meetings in March?".' },
  {
    access: 'apologies.send',
    title: 'Apologies and reminders',
    detail: '"send apologies for the next meeting". Say "stop reminders" or "start reminders".',
  },
  {
    access: 'bulletin.read',
    title: 'Events',
    detail: '"events" for what is coming up, "my calendar link" for the Members\' Calendar, "stop bulletin" or "start bulletin".',
  },
  {
    access: 'training.own',
    title: 'Training and attendance',
    detail:
      '"my training" for your corporate parenting training record; "I\'m here" to check in at an event or meeting. Say "stop training reminders" if you do not want them.',
  },
  { access: 'keyFigures.read', title: 'Key figures', detail: '"key figures" for the latest headline figures about children in care.' },
  {
    access: 'challenges.view',
    title: 'Challenge cards',
    detail: '"my challenge cards", "challenge CC-2026-014", "challenge report for Q3 2026".',
  },
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
    capabilities: CAPABILITIES.map(({ title, detail }) => ({ title, detail })),
    suggestions: EXAMPLE_QUESTIONS.slice(0, 3).map((question) => ({ question })),
  };
}

/** The help card for `actor`: what their role lets them use; staff commands come from what the features register. */
export function helpCardData(actor: Pick<Actor, 'aadObjectId' | 'role' | 'councillor'>, staffCommands: readonly HelpEntry[]): HelpCardData {
  return {
    capabilities: [
      ...CAPABILITIES.filter((capability) => may(actor, capability.access)).map(({ title, detail }) => ({ title, detail })),
      { title: 'my role', detail: 'See which role the bot gives you.' },
    ],
    examples: EXAMPLE_QUESTIONS.map((question) => ({ question })),
    staffCommands: staffCommands.filter((command) => hasRole(actor.role, command.role)).map(({ title, detail }) => ({ title, detail })),
    roleLabel: holdingLabel({ role: actor.role, councillor: actor.councillor === true }),
  };
}
