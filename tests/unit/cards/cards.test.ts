import { renderAnswerCard } from '../../../src/cards/answer-card';
import { renderHelpCard } from '../../../src/cards/help-card';
import { renderNoticeCard } from '../../../src/cards/notice-card';
import { renderRolesCard } from '../../../src/cards/roles-card';
import { renderUnknownCard } from '../../../src/cards/unknown-card';
import { renderWelcomeCard } from '../../../src/cards/welcome-card';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';

const related = [{ question: 'What is the panel for?' }, { question: 'Who sits on the panel?' }];
const facts = [{ title: 'Remit', detail: 'Questions about the panel' }];

const fixtures: Record<string, () => object> = {
  answer: () => renderAnswerCard({ entryId: 'tor-accountability', title: 'Who is the panel accountable to?', answer: 'The Panel is accountable to...', sourceLabel: 'Terms of reference - Accountability', related, question: 'who r they accountable to', feedbackState: 'none' }),
  'answer after feedback': () => renderAnswerCard({ entryId: 'x', title: 'T', answer: 'A', sourceLabel: 'S', related: [], question: 'q', feedbackState: 'helpful' }),
  unknown: () => renderUnknownCard({ explanation: 'I could not find that.', contactTitle: 'Democratic Services', contactText: 'Call 03000 416172', contactSource: 'Minutes', suggestions: related }),
  welcome: () => renderWelcomeCard({ intro: 'Hello', capabilities: facts, suggestions: related }),
  'help for a member': () => renderHelpCard({ capabilities: facts, examples: related, staffCommands: [], roleLabel: 'member' }),
  'help for an officer': () => renderHelpCard({ capabilities: facts, examples: related, staffCommands: facts, roleLabel: 'officer' }),
  notice: () => renderNoticeCard({ title: 'Sorry', text: 'That did not work.', style: 'attention' }),
  roles: () => renderRolesCard({ summary: '2 people', position: 'Showing 1-1 of 1.', message: 'Done', query: '', previous: null, next: { page: 1, query: '' }, people: [{ name: 'Cllr A', roleLabel: 'Member', action: { aadObjectId: 'a', page: 0, query: '' }, canGrant: true, canRevoke: false }] }),
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
