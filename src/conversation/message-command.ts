/** What a typed message asks for, before any knowledge search. */
export type MessageCommand =
  | { kind: 'help' }
  | { kind: 'greeting' }
  | { kind: 'my_role' }
  | { kind: 'roles'; query: string }
  | { kind: 'feedback_report' }
  | { kind: 'reminders'; on: boolean }
  | { kind: 'reminder_opt_outs' }
  | { kind: 'add_meeting' }
  | { kind: 'send_apologies' }
  | { kind: 'list_apologies' }
  | { kind: 'new_event' }
  | { kind: 'events' }
  | { kind: 'calendar_link' }
  | { kind: 'officers_calendar_link' }
  | { kind: 'bulletin'; on: boolean }
  | { kind: 'attendees'; eventTitle: string }
  | { kind: 'new_challenge' }
  | { kind: 'my_challenges' }
  | { kind: 'list_challenges'; filter: string }
  | { kind: 'challenge_report'; text: string }
  | { kind: 'show_challenge'; reference: string }
  | { kind: 'question'; text: string };

const EXACT: Record<string, SimpleKind> = {
  help: 'help',
  'what can you do': 'help',
  commands: 'help',
  menu: 'help',
  hi: 'greeting',
  hello: 'greeting',
  hey: 'greeting',
  start: 'greeting',
  'good morning': 'greeting',
  'good afternoon': 'greeting',
  'my role': 'my_role',
  'what is my role': 'my_role',
  'who am i': 'my_role',
  whoami: 'my_role',
  roles: 'roles',
  'manage roles': 'roles',
  feedback: 'feedback_report',
  'feedback report': 'feedback_report',
  'stop reminders': 'reminders_off',
  'turn off reminders': 'reminders_off',
  'no more reminders': 'reminders_off',
  'start reminders': 'reminders_on',
  'turn on reminders': 'reminders_on',
  'resume reminders': 'reminders_on',
  'reminder opt-outs': 'reminder_opt_outs',
  'reminder opt outs': 'reminder_opt_outs',
  'who has opted out': 'reminder_opt_outs',
  'who has stopped reminders': 'reminder_opt_outs',
  'add meeting': 'add_meeting',
  'add a meeting': 'add_meeting',
  'new meeting': 'add_meeting',
  'new event': 'new_event',
  'create event': 'new_event',
  'create an event': 'new_event',
  'add event': 'new_event',
  'events': 'events',
  'upcoming events': 'events',
  'participation events': 'events',
  "what's on": 'events',
  bulletin: 'events',
  'my calendar link': 'calendar_link',
  'calendar link': 'calendar_link',
  "members' calendar": 'calendar_link',
  'members calendar': 'calendar_link',
  'officers calendar link': 'officers_calendar_link',
  'new challenge': 'new_challenge',
  'new challenge card': 'new_challenge',
  'my challenge cards': 'my_challenges',
  'my challenges': 'my_challenges',
  'stop bulletin': 'bulletin_off',
  'start bulletin': 'bulletin_on',
};

// Phrases that carry an object ("... for the next meeting"), so they are patterns, not exact commands.
const PATTERNS: [RegExp, SimpleKind][] = [
  [/^(?:i (?:want|need|would like) to )?(?:send|give|submit|offer|tender|register)\s+(?:my\s+)?apologies\b/, 'send_apologies'],
  [/^(?:apologies|list (?:the )?apologies|who (?:has|have) sent apologies|show (?:the )?apologies)\b/, 'list_apologies'],
];

type SimpleKind = Exclude<MessageCommand['kind'], 'question' | 'reminders' | 'bulletin' | 'attendees' | 'list_challenges' | 'challenge_report' | 'show_challenge'> | 'reminders_off' | 'reminders_on' | 'bulletin_off' | 'bulletin_on';

function commandOf(kind: SimpleKind): MessageCommand {
  if (kind === 'reminders_off') return { kind: 'reminders', on: false };
  if (kind === 'reminders_on') return { kind: 'reminders', on: true };
  if (kind === 'bulletin_off') return { kind: 'bulletin', on: false };
  if (kind === 'bulletin_on') return { kind: 'bulletin', on: true };
  if (kind === 'roles') return { kind: 'roles', query: '' };
  return { kind };
}

/** Commands are whole short phrases; anything else is a question for the knowledge base. */
export function parseMessageCommand(text: string): MessageCommand {
  const normalised = text.toLowerCase().replace(/[!.?]+$/g, '').replace(/\s+/g, ' ').trim();
  const challenge = challengeCommand(normalised);
  if (challenge) return challenge;
  // "roles Smith": the roles card searched by name (the name as typed, case kept).
  const roles = /^\s*(?:manage\s+)?roles\s+(?:for\s+)?(\S.{0,99})$/i.exec(text.replace(/[!.?]+$/g, '').trim());
  if (roles) return { kind: 'roles', query: roles[1]!.trim() };
  const attendees = /^(?:attendees|who is going|who's going|rsvps)\s+(?:for|to|of)\s+(.{2,200})$/.exec(normalised);
  if (attendees) return { kind: 'attendees', eventTitle: attendees[1]! };
  // "?" alone normalises to nothing: it is a request for help, not an empty question.
  const kind = normalised === '' ? 'help' : (EXACT[normalised] ?? PATTERNS.find(([pattern]) => pattern.test(normalised))?.[1]);
  return kind ? commandOf(kind) : { kind: 'question', text };
}

/** "challenge cards overdue", "challenge report for Q3 2026", "challenge CC-2026-014". */
function challengeCommand(normalised: string): MessageCommand | undefined {
  const shown = /^(?:challenge|challenge card|show)\s+(cc-\d{4}-\d{3,})$/.exec(normalised);
  if (shown) return { kind: 'show_challenge', reference: shown[1]!.toUpperCase() };
  if (/^challenge report\b/.test(normalised)) return { kind: 'challenge_report', text: normalised };
  const listed = /^(?:challenge cards|challenges|list challenges)\b(.*)$/.exec(normalised);
  if (listed) return { kind: 'list_challenges', filter: listed[1]!.trim() };
  return undefined;
}
