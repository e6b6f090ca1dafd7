/** What a typed message asks for, before any knowledge search. */
export type MessageCommand =
  | { kind: 'help' }
  | { kind: 'greeting' }
  | { kind: 'my_role' }
  | { kind: 'roles' }
  | { kind: 'feedback_report' }
  | { kind: 'question'; text: string };

const EXACT: Record<string, Exclude<MessageCommand['kind'], 'question'>> = {
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
};

/** Commands are whole short phrases; anything else is a question for the knowledge base. */
export function parseMessageCommand(text: string): MessageCommand {
  const normalised = text.toLowerCase().replace(/[!.?]+$/g, '').replace(/\s+/g, ' ').trim();
  // "?" alone normalises to nothing: it is a request for help, not an empty question.
  const kind = normalised === '' ? 'help' : EXACT[normalised];
  return kind ? ({ kind } as MessageCommand) : { kind: 'question', text };
}
