import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../src/platform/process/project-root';
import { welcomeCardData } from '../../../src/features/help/help-content';
import { renderAnswerCard } from '../../../src/features/remit/teams/answer-card';
import { renderHelpCard } from '../../../src/features/help/teams/help-card';
import { renderNoticeCard } from '../../../src/shared/cards/notice-card';
import { importSummaryData, renderImportSummaryCard } from '../../../src/features/members/teams/import-summary-card';
import { renderRolesCard } from '../../../src/features/members/teams/roles-card';
import { renderUnknownCard } from '../../../src/features/remit/teams/unknown-card';
import { renderWelcomeCard } from '../../../src/features/help/teams/welcome-card';
import { renderAuditLogCard } from '../../../src/features/audit/teams/audit-log-card';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import type { OfficerQuestion } from '../../../src/features/remit/domain/officer-question';
import type { OfficerEntry } from '../../../src/features/remit/domain/officer-entry';
import {
  officerAnswerCard,
  officerEntryFormCard,
  officerEntryListCard,
  officerQuestionCard,
  openQuestionsCard,
  reviewDueCard,
} from '../../../src/features/remit/teams/officer-cards';

const question: OfficerQuestion = {
  id: 'oq-0123456789abcdef',
  question: 'Can foster carers claim mileage for panel meetings?',
  askedByAadObjectId: 'member-1',
  askedByName: 'Cllr Ada Lovelace',
  askedAtUtc: '2026-12-01T09:00:00.000Z',
  origin: 'declined',
  status: 'open',
  nudges: 0,
};
const answered: OfficerQuestion = {
  ...question,
  status: 'answered',
  answer: {
    text: 'Yes, from Democratic Services.',
    byAadObjectId: 'officer-1',
    byName: 'Theresa Grayell',
    byRole: 'panel officer',
    atUtc: '2026-12-01T10:00:00.000Z',
    addedEntryId: 'officer-0123456789abcdef',
  },
};
const officerEntry: OfficerEntry = {
  id: 'officer-0123456789abcdef',
  question: question.question,
  answer: 'Yes, from Democratic Services.',
  addedByAadObjectId: 'officer-1',
  addedByName: 'Theresa Grayell',
  addedOn: '2026-12-01',
  owner: 'Theresa Grayell',
  reviewed: '2026-12-01',
  reviewBy: '2027-12-01',
  status: 'active',
};
const related = [{ question: 'What is the panel for?' }, { question: 'Who sits on the panel?' }];
const facts = [{ title: 'Remit', detail: 'Questions about the panel' }];

const fixtures: Record<string, () => object> = {
  answer: () =>
    renderAnswerCard({
      entryId: 'tor-accountability',
      title: 'Who is the panel accountable to?',
      answer: 'The Panel is accountable to...',
      sourceLabel: 'Terms of reference - Accountability',
      passageText: 'The terms of reference say: "The Panel is accountable to the County Council."',
      passageSource: 'Terms of reference (April 2016) - Accountability',
      related,
      question: 'who r they accountable to',
      feedbackState: 'none',
      reviewNote: '',
      alternativesNote: "I'm not sure this is what you asked. If it isn't, is it one of these?",
      alternatives: [{ question: "What are the panel's roles and responsibilities?" }],
      alsoAsked: [{ question: 'Where does the panel meet?' }],
      requestId: 'req-00000001',
    }),
  'answer after feedback': () =>
    renderAnswerCard({
      entryId: 'x',
      title: 'T',
      answer: 'A',
      sourceLabel: 'S',
      passageText: '',
      passageSource: '',
      related: [],
      question: 'q',
      feedbackState: 'helpful',
      reviewNote: 'Last reviewed Monday 1 January 2024',
      alternativesNote: '',
      alternatives: [],
      alsoAsked: [],
      requestId: 'req-00000002',
    }),
  'answer not helpful': () =>
    renderAnswerCard({
      entryId: 'x',
      title: 'T',
      answer: 'A',
      sourceLabel: 'S',
      passageText: '',
      passageSource: '',
      related: [],
      question: 'q',
      feedbackState: 'not_helpful',
      reviewNote: '',
      alternativesNote: '',
      alternatives: [],
      alsoAsked: [],
      requestId: 'req-00000003',
    }),
  unknown: () =>
    renderUnknownCard({
      explanation: 'I could not find that.',
      contactTitle: 'Democratic Services',
      contactText: 'Call 03000 416172',
      contactSource: 'Minutes',
      nearby: related,
      examples: [],
      question: 'what is the budget',
      requestId: 'req-00000004',
    }),
  'officer question (open)': () =>
    officerQuestionCard(question, {
      heading: 'New question for the officers',
      viewerMayAnswer: true,
      refreshUserIds: ['29:officer-1'],
      nowUtc: '2026-12-01T10:00:00Z',
      error: 'Type the answer',
      draft: 'Draft',
    }),
  'officer question (answered)': () =>
    officerQuestionCard(answered, {
      heading: 'Answered question',
      viewerMayAnswer: true,
      refreshUserIds: [],
      nowUtc: '2026-12-01T10:00:00Z',
      notice: 'Already answered',
    }),
  'officer answer to the member': () => officerAnswerCard(answered),
  'open questions': () => openQuestionsCard([{ question, waitingWorkingDays: 3 }]),
  'officer answers': () =>
    officerEntryListCard([{ entry: officerEntry, etag: 'W/"1"' }], {
      exportUrl: 'https://bot.example/exports/officer-answers.yaml?sig=x',
      notice: 'Saved',
    }),
  'officer answer form': () => officerEntryFormCard({ entry: officerEntry, etag: 'W/"1"' }, { error: 'Too long' }),
  'answers due for review': () =>
    reviewDueCard(
      [
        {
          id: 'tor-purpose',
          question: 'What is the panel for?',
          review: { owner: 'Democratic Services', reviewed: '2025-01-01', reviewBy: '2026-01-01' },
          officerAuthored: false,
        },
      ],
      '2026-12-01',
    ),
  welcome: () => renderWelcomeCard(welcomeCardData('https://cpp-bot.example.org')),
  'help for a member': () => renderHelpCard({ capabilities: facts, examples: related, staffCommands: [], roleLabel: 'member' }),
  'help for an officer': () => renderHelpCard({ capabilities: facts, examples: related, staffCommands: facts, roleLabel: 'officer' }),
  notice: () => renderNoticeCard({ title: 'Sorry', text: 'That did not work.', style: 'attention' }),
  'audit log': () =>
    renderAuditLogCard({
      heading: 'Audit log',
      summary: 'Newest first: 1 entry, more below.',
      entries: [
        {
          when: 'Monday 23 November 2026, 9:00am',
          action: 'Role granted',
          who: 'Olivia Officer (administrator)',
          subject: 'Sam Patel',
          detail: 'officer',
        },
      ],
      after: '8235076399999_0123456789ab',
    }),
  'audit log, empty': () => renderAuditLogCard({ heading: 'Audit log', summary: 'Nothing has been recorded yet.', entries: [], after: '' }),
  roles: () =>
    renderRolesCard({
      summary: '2 people',
      hint: 'Say "import panel members from <Team>".',
      position: 'Showing 1-2 of 2.',
      message: 'Done',
      query: '',
      previous: null,
      next: { page: 1, query: '' },
      people: [
        {
          name: 'Cllr A',
          roleLabel: 'Panel member and councillor',
          editable: true,
          roleInput: 'role-a',
          councillorInput: 'councillor-a',
          role: 'panel',
          councillor: 'true',
          choices: [
            { title: 'Guest', value: 'guest' },
            { title: 'Panel member', value: 'panel' },
          ],
          action: { aadObjectId: 'a', page: 0, query: '' },
        },
        {
          name: 'Olivia',
          roleLabel: 'Administrator (set in configuration)',
          editable: false,
          roleInput: 'role-o',
          councillorInput: 'councillor-o',
          role: 'admin',
          councillor: 'false',
          choices: [],
          action: { aadObjectId: 'o', page: 0, query: '' },
        },
      ],
    }),
  'import summary': () =>
    renderImportSummaryCard(
      importSummaryData({
        kind: 'panel',
        team: { teamId: '19:abc@thread.tacv2', name: 'Corporate Parenting Panel' },
        inRoster: 3,
        added: [{ aadObjectId: 'a', name: 'Cllr A', role: 'panel', councillor: false, active: true, fixed: false }],
        unchanged: 2,
        skipped: 1,
        unreachable: 0,
        notInTeam: [{ aadObjectId: 'b', name: 'Cllr B', role: 'panel', councillor: false, active: true, fixed: false }],
      }),
    ),
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
  const base = {
    entryId: 'e1',
    title: 'T',
    answer: 'A',
    sourceLabel: 'Terms of reference - Purpose',
    passageText: '',
    passageSource: '',
    related,
    question: 'what is it for',
    feedbackState: 'none' as const,
    reviewNote: '',
    alternativesNote: '',
    alternatives: [],
    alsoAsked: [],
    requestId: 'req-00000009',
  };

  it('offers the entries that came close first on an "I don\'t know", and example questions only when none did', () => {
    const unknown = (nearby: { question: string }[], examples: { question: string }[]) =>
      JSON.stringify(
        renderUnknownCard({
          explanation: 'x',
          contactTitle: 'c',
          contactText: 'c',
          contactSource: 's',
          nearby,
          examples,
          question: 'q',
          requestId: 'req-1',
        }),
      );
    const near = unknown([{ question: 'Who chairs it?' }], []);
    expect(near).toContain('Is it one of these?');
    expect(near.indexOf('Who chairs it?')).toBeLessThan(near.indexOf('officerQuestion.ask'));
    expect(near).not.toContain('You could try');
    const examples = unknown([], [{ question: 'What is the panel for?' }]);
    expect(examples).not.toContain('Is it one of these?');
    expect(examples).toContain('You could try one of these:');
    expect(examples.indexOf('officerQuestion.ask')).toBeLessThan(examples.indexOf('What is the panel for?'));
  });

  it('says when it is not sure of an answer and offers the runners-up, and says nothing of the kind otherwise', () => {
    expect(JSON.stringify(renderAnswerCard(base))).not.toContain('not sure');
    const unsure = JSON.stringify(
      renderAnswerCard({
        ...base,
        alternativesNote: "I'm not sure this is what you asked.",
        alternatives: [{ question: 'Who chairs it?' }],
      }),
    );
    expect(unsure).toContain("I'm not sure this is what you asked.");
    expect(unsure).toContain('"action":"ask","question":"Who chairs it?"');
  });

  it("offers the answer to a message's other question as a button that asks it, and nothing of the kind otherwise", () => {
    expect(JSON.stringify(renderAnswerCard(base))).not.toContain('You also asked');
    const two = JSON.stringify(renderAnswerCard({ ...base, alsoAsked: [{ question: 'Where does the panel meet?' }] }));
    expect(two).toContain('You also asked:');
    expect(two).toContain('"action":"ask","question":"Where does the panel meet?"');
  });

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

  it('offers "Ask an officer" once the member says the answer did not help, and not before', () => {
    expect(JSON.stringify(renderAnswerCard(base))).not.toContain('officerQuestion.ask');
    const after = JSON.stringify(renderAnswerCard({ ...base, feedbackState: 'not_helpful' }));
    expect(after).toContain('"verb":"officerQuestion.ask"');
    expect(after).toContain('"origin":"not_helpful","entryId":"e1"');
  });

  it('quotes a source passage beside the answer, with its citation, only when it is given one', () => {
    expect(JSON.stringify(renderAnswerCard(base))).not.toContain("document's own words");
    const quoted = JSON.stringify(
      renderAnswerCard({
        ...base,
        passageText: 'The minutes say: "for all parents/carers"',
        passageSource: 'Minutes, 20 March 2017 - Item 5',
      }),
    );
    expect(quoted).toContain("In the document's own words");
    expect(quoted).toContain('The minutes say: \\"for all parents/carers\\"');
    expect(quoted).toContain('Source: Minutes, 20 March 2017 - Item 5');
  });

  it('says when the answer was last reviewed only when it is given a note', () => {
    expect(JSON.stringify(renderAnswerCard(base))).not.toContain('Last reviewed');
    expect(JSON.stringify(renderAnswerCard({ ...base, reviewNote: 'Last reviewed Monday 1 January 2024' }))).toContain(
      'Last reviewed Monday 1 January 2024',
    );
  });

  it('does not re-expand template syntax that arrives inside data', () => {
    const json = JSON.stringify(renderAnswerCard({ ...base, question: '${title}' }));
    expect(json).toContain('"question":"${title}"');
  });
});

describe('officer question card', () => {
  it('offers the answer inputs while the question is open, and refreshes for the officers', () => {
    const json = JSON.stringify(
      officerQuestionCard(question, { heading: 'New', viewerMayAnswer: true, refreshUserIds: ['29:o1'], nowUtc: '2026-12-01T10:00:00Z' }),
    );
    expect(json).toContain('"verb":"officerQuestion.answer"');
    expect(json).toContain('"id":"addToKnowledge"');
    expect(json).toContain('"userIds":["29:o1"]');
    expect(json).toContain('Cllr Ada Lovelace');
  });

  it('shows who answered, and no inputs, once answered', () => {
    const json = JSON.stringify(
      officerQuestionCard(answered, {
        heading: 'Answered',
        viewerMayAnswer: true,
        refreshUserIds: ['29:o1'],
        nowUtc: '2026-12-01T10:00:00Z',
      }),
    );
    expect(json).not.toContain('officerQuestion.answer');
    expect(json).not.toContain('"refresh":{');
    expect(json).toContain('Answered by Theresa Grayell (panel officer)');
    expect(json).toContain('Added to the knowledge base');
  });

  it("signs the answer to the member with the officer's name and role", () => {
    expect(JSON.stringify(officerAnswerCard(answered))).toContain('Answered by Theresa Grayell, panel officer');
  });
});

/** Every template in cards/, as JSON: the accessibility rules hold whatever data fills them. */
function templates(): { name: string; json: unknown }[] {
  const dir = path.join(projectRoot(), 'cards');
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ name: file, json: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown }));
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
    expect(forms.map((form) => form.name).sort()).toEqual(
      expect.arrayContaining(['apology.json', 'challenge-form.json', 'event-form.json', 'meeting-form.json']),
    );
  });

  it.each(templates().map((template) => template.name))(
    '%s: every input has a label and an error message; every required one says so',
    (name) => {
      const inputs = elements(all.find((template) => template.name === name)!.json).filter((element) =>
        String(element.type).startsWith('Input.'),
      );
      const problems = inputs.flatMap((input) => [
        ...(nonEmpty(input.label) ? [] : [`${String(input.id)}: no label`]),
        ...(nonEmpty(input.errorMessage) ? [] : [`${String(input.id)}: no errorMessage`]),
        ...(input.isRequired === true && !nonEmpty(input.errorMessage) ? [`${String(input.id)}: required without an error message`] : []),
      ]);
      expect(problems).toEqual([]);
    },
  );

  it.each(templates().map((template) => template.name))('%s: every action (buttons, select actions, refresh) has a title', (name) => {
    const actions = elements(all.find((template) => template.name === name)!.json).filter((element) =>
      String(element.type).startsWith('Action.'),
    );
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
    const card = renderWelcomeCard(welcomeCardData('https://cpp-bot.example.org')) as {
      actions?: { type: string; url?: string; title?: string }[];
    };
    const json = JSON.stringify(card);
    expect(json).toMatch(/I keep your Teams id and name/);
    expect(json).toContain('Never your e-mail or party');
    expect(json).toContain('Say \\"my data\\" for a copy');
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'How I use your information', url: 'https://cpp-bot.example.org/privacy' },
    ]);
  });
});
