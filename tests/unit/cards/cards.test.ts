import { renderAnswerCard } from '../../../src/cards/answer-card';
import { renderHelpCard } from '../../../src/cards/help-card';
import { renderNoticeCard } from '../../../src/cards/notice-card';
import { renderRolesCard } from '../../../src/cards/roles-card';
import { renderUnknownCard } from '../../../src/cards/unknown-card';
import { renderWelcomeCard } from '../../../src/cards/welcome-card';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { welcomeCardData } from '../../../src/help/help-content';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../src/util/project-root';

const related = [{ question: 'What is the panel for?' }, { question: 'Who sits on the panel?' }];
const facts = [{ title: 'Remit', detail: 'Questions about the panel' }];

const fixtures: Record<string, () => object> = {
  answer: () => renderAnswerCard({ entryId: 'tor-accountability', title: 'Who is the panel accountable to?', answer: 'The Panel is accountable to...', sourceLabel: 'Terms of reference - Accountability', related, question: 'who r they accountable to', feedbackState: 'none' }),
  'answer after feedback': () => renderAnswerCard({ entryId: 'x', title: 'T', answer: 'A', sourceLabel: 'S', related: [], question: 'q', feedbackState: 'helpful' }),
  unknown: () => renderUnknownCard({ explanation: 'I could not find that.', contactTitle: 'Democratic Services', contactText: 'Call 03000 416172', contactSource: 'Minutes', suggestions: related }),
  welcome: () => renderWelcomeCard(welcomeCardData('https://cpp-bot.example.org')),
  'help for a member': () => renderHelpCard({ capabilities: facts, examples: related, staffCommands: [], roleLabel: 'member' }),
  'help for an officer': () => renderHelpCard({ capabilities: facts, examples: related, staffCommands: facts, roleLabel: 'officer' }),
  notice: () => renderNoticeCard({ title: 'Sorry', text: 'That did not work.', style: 'attention' }),
  roles: () => renderRolesCard({ summary: '2 people', message: 'Done', people: [{ name: 'Cllr A', roleLabel: 'Member', aadObjectId: 'a', canGrant: true, canRevoke: false }] }),
};

describe('every card template', () => {
  it.each(Object.keys(fixtures))('%s renders to a valid Adaptive Card 1.5 with nothing left unexpanded', (name) => {
    expect(adaptiveCardProblems(fixtures[name]!())).toEqual([]);
  });

  it('the checker itself catches an unexpanded expression and an unknown element', () => {
    const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${missing}' }, { type: 'Nonsense' }] };
    expect(adaptiveCardProblems(broken)).toHaveLength(2);
  });
});

describe('answer card', () => {
  const base = { entryId: 'e1', title: 'T', answer: 'A', sourceLabel: 'Terms of reference - Purpose', related, question: 'what is it for', feedbackState: 'none' as const };

  it('names the source and offers related questions as buttons that post the question', () => {
    const json = JSON.stringify(renderAnswerCard(base));
    expect(json).toContain('Source: Terms of reference - Purpose');
    expect(json).toContain('"action":"ask","question":"Who sits on the panel?"');
  });

  it('offers feedback buttons carrying the entry id until feedback is given, then thanks instead', () => {
    const before = JSON.stringify(renderAnswerCard(base));
    expect(before).toContain('"verb":"feedback.submit"');
    expect(before).toContain('"entryId":"e1"');
    const after = JSON.stringify(renderAnswerCard({ ...base, feedbackState: 'not_helpful' }));
    expect(after).not.toContain('feedback.submit');
    expect(after).toContain('did not help');
  });

  it('does not re-expand template syntax that arrives inside data', () => {
    const json = JSON.stringify(renderAnswerCard({ ...base, question: '${title}' }));
    expect(json).toContain('"question":"${title}"');
  });
});

/** Every template in cards/, as JSON: the accessibility rules hold whatever data fills them. */
function templates(): { name: string; json: unknown }[] {
  const dir = path.join(projectRoot(), 'cards');
  return fs.readdirSync(dir).filter((file) => file.endsWith('.json')).map((file) => ({ name: file, json: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown }));
}

function elements(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((child) => elements(child, found));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string') found.push(record);
    Object.values(record).forEach((child) => elements(child, found));
  }
  return found;
}

const nonEmpty = (value: unknown): boolean => typeof value === 'string' && value.trim().length > 0;

describe('accessibility of every card template in cards/', () => {
  const all = templates();

  it('finds the templates (and every form among them)', () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    const forms = all.filter(({ json }) => elements(json).some((element) => String(element.type).startsWith('Input.')));
    expect(forms.map((form) => form.name).sort()).toEqual(expect.arrayContaining(['apology.json', 'challenge-form.json', 'event-form.json', 'meeting-form.json']));
  });

  it.each(templates().map((template) => template.name))('%s: every input has a label and an error message; every required one says so', (name) => {
    const inputs = elements(all.find((template) => template.name === name)!.json).filter((element) => String(element.type).startsWith('Input.'));
    const problems = inputs.flatMap((input) => [
      ...(nonEmpty(input.label) ? [] : [`${String(input.id)}: no label`]),
      ...(nonEmpty(input.errorMessage) ? [] : [`${String(input.id)}: no errorMessage`]),
      ...(input.isRequired === true && !nonEmpty(input.errorMessage) ? [`${String(input.id)}: required without an error message`] : []),
    ]);
    expect(problems).toEqual([]);
  });

  it.each(templates().map((template) => template.name))('%s: every action (buttons, select actions, refresh) has a title', (name) => {
    const actions = elements(all.find((template) => template.name === name)!.json).filter((element) => String(element.type).startsWith('Action.'));
    expect(actions.filter((action) => !nonEmpty(action.title)).map((action) => JSON.stringify(action).slice(0, 120))).toEqual([]);
  });

  it('the checks can fail: an unlabelled input and an untitled button are reported', () => {
    const broken = { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'x' }], actions: [{ type: 'Action.Submit' }] };
    const found = elements(broken);
    expect(found.filter((element) => String(element.type).startsWith('Input.') && !nonEmpty(element.label))).toHaveLength(1);
    expect(found.filter((element) => String(element.type).startsWith('Action.') && !nonEmpty(element.title))).toHaveLength(1);
  });
});

describe('welcome card', () => {
  it('says in one line what the bot keeps and links to the privacy notice the bot serves', () => {
    const card = renderWelcomeCard(welcomeCardData('https://cpp-bot.example.org')) as { actions?: { type: string; url?: string; title?: string }[] };
    const json = JSON.stringify(card);
    expect(json).toMatch(/I keep your Teams id and name/);
    expect(json).toContain('Never your e-mail or party');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'How I use your information', url: 'https://cpp-bot.example.org/privacy' }]);
  });
});
