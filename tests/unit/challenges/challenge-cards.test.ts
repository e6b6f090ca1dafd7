import { renderChallengeListCard } from '../../../src/features/challenges/teams/challenge-list-card';
import {
  challengeCard,
  challengeFormCard,
  challengeListCard,
  challengeRefusedCard,
  challengeReportCard,
  challengeRespondedCard,
  myChallengeListCard,
  nudgeHeading,
} from '../../../src/features/challenges/teams/challenge-cards';
import { ChallengeFormError, emptyChallengeFormValues } from '../../../src/features/challenges/domain/challenge-form';
import { DEFAULT_LIST_FILTER } from '../../../src/features/challenges/domain/challenge-list-filter';
import { buildChallengeReport } from '../../../src/features/challenges/domain/challenge-report';
import { quarterPeriod } from '../../../src/features/challenges/domain/challenge-report-period';
import { ChallengeResponseError, type ChallengeView } from '../../../src/features/challenges/challenge-service';
import { summaryOf } from '../../../src/features/challenges/domain/challenge-summary';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { aChallenge, aSummary, anEvent, candidates, cllrPriya } from './challenge-fixtures';

const nowUtc = '2026-08-10T09:00:00.000Z';
const fresh = aChallenge();
const history = [
  anEvent(),
  anEvent({
    key: `v0000001.${cllrPriya.aadObjectId}`,
    by: { aadObjectId: cllrPriya.aadObjectId, name: cllrPriya.name },
    atUtc: '2026-07-20T10:00:00.000Z',
    kind: 'response',
    text: 'Raised with the finance team.',
    fromStatus: 'received',
    toStatus: 'accepted',
  }),
];
const inProgress = aChallenge({
  status: 'in_progress',
  version: 3,
  latestResponse: {
    by: { aadObjectId: cllrPriya.aadObjectId, name: cllrPriya.name },
    atUtc: '2026-07-20T10:00:00.000Z',
    text: 'Raised with *finance* [team](http://x)',
  },
});
const overdue = aChallenge({ dueOn: '2026-08-01', status: 'accepted' });
const completed = aChallenge({
  status: 'completed',
  explanation: 'Care leavers aged 18-25 are now exempt from council tax in Kent.',
  statusChanges: [
    { status: 'received', atUtc: '2026-07-13T23:00:00.000Z' },
    { status: 'accepted', atUtc: '2026-07-20T10:00:00.000Z' },
    { status: 'completed', atUtc: '2026-08-01T10:00:00.000Z' },
  ],
});
const informed = aChallenge({
  ...completed,
  status: 'informed',
  statusChanges: [...completed.statusChanges, { status: 'informed', atUtc: '2026-08-05T10:00:00.000Z' }],
});
const declined = aChallenge({ status: 'declined', explanation: 'The council cannot change national rules on this.' });
const redirected = aChallenge({ status: 'redirected', explanation: "Passed to the young person's personal adviser." });
const view = (challenge = fresh, viewerMayRespond = true): ChallengeView => ({ challenge, history, viewerMayRespond });
const longHistory = Array.from({ length: 12 }, (_, i) =>
  anEvent({ key: `v${i}`, kind: 'response', text: `Update ${i}`, atUtc: `2026-07-${String(15 + i).padStart(2, '0')}T10:00:00.000Z` }),
);
const report = buildChallengeReport(
  [
    aSummary('CC-2026-001', {
      raisedOn: '2026-07-02',
      dueOn: '2026-08-01',
      changes: [
        ['accepted', '2026-07-05T10:00:00.000Z'],
        ['completed', '2026-08-20T10:00:00.000Z'],
      ],
      firstResponseAtUtc: '2026-07-05T10:00:00.000Z',
      explanation: 'A rent guarantor scheme for care leavers.',
    }),
    aSummary('CC-2026-002', { raisedOn: '2026-07-10', dueOn: '2026-07-20' }),
  ],
  quarterPeriod(2026, 3),
  '2026-10-05T09:00:00.000Z',
);

const fixtures: Record<string, () => object> = {
  'card: received, may respond': () => challengeCard(view(), { nowUtc }),
  'card: received, read-only': () => challengeCard(view(fresh, false), { nowUtc }),
  'card: in progress with latest response': () => challengeCard(view(inProgress), { nowUtc, heading: 'Your challenge cards' }),
  'card: overdue': () =>
    challengeCard(view(overdue), {
      nowUtc,
      heading: nudgeHeading({ reference: overdue.reference, title: overdue.title, dueOn: overdue.dueOn, daysOverdue: 9, recipients: [] }),
    }),
  'card: completed': () => challengeCard(view(completed), { nowUtc }),
  'card: informed (closed)': () => challengeCard(view(informed, false), { nowUtc }),
  'card: declined': () => challengeCard(view(declined), { nowUtc }),
  'card: redirected': () => challengeCard(view(redirected, false), { nowUtc }),
  'card: long history': () => challengeCard({ challenge: fresh, history: longHistory, viewerMayRespond: true }, { nowUtc }),
  'card: responded': () => challengeRespondedCard({ outcome: 'recorded', view: view(inProgress) }, nowUtc),
  'card: refused': () =>
    challengeRefusedCard(
      new ChallengeResponseError('invalid_input', 'Say why.', view(), {
        response: 'typed',
        status: 'declined',
        explanation: '',
        confirmNotChildName: '',
      }),
      nowUtc,
    ),
  'card: asks about a name': () =>
    challengeRefusedCard(
      new ChallengeResponseError(
        'invalid_input',
        'This may contain a name.',
        view(),
        { response: 'typed', status: 'keep', explanation: '', confirmNotChildName: '' },
        'abcDEF123456',
      ),
      nowUtc,
    ),
  'form: new': () => challengeFormCard({ formId: 'f0e1d2c3-b4a5-4968-8776-655443322110', today: '2026-08-10', candidates }),
  'form: with errors': () =>
    challengeFormCard(
      { formId: 'x', today: '2026-08-10', candidates: [] },
      {
        error: new ChallengeFormError(
          { words: 'This looks like it contains a phone number.', leadOfficer: 'Choose the lead officer' },
          { ...emptyChallengeFormValues(), title: 'Bus passes', raisingGroup: 'ocypc' },
          { formId: 'f0e1d2c3-b4a5-4968-8776-655443322110', today: '2026-08-10', candidates },
        ),
      },
    ),
  'form: asks about a name': () =>
    challengeFormCard(
      { formId: 'x', today: '2026-08-10', candidates: [] },
      {
        error: new ChallengeFormError(
          { words: 'This may contain a name.' },
          { ...emptyChallengeFormValues(), words: 'Jamie wants a bus pass' },
          { formId: 'f0e1d2c3-b4a5-4968-8776-655443322110', today: '2026-08-10', candidates },
          'Please check.',
          'abcDEF123456',
        ),
      },
    ),
  'list: filtered': () =>
    challengeListCard(
      [summaryOf(fresh), summaryOf(overdue), summaryOf(completed)],
      { ...DEFAULT_LIST_FILTER, overdue: true, priorityArea: 'healthy' },
      nowUtc,
    ),
  'list: mine, empty': () => myChallengeListCard([], nowUtc),
  'list: raw empty': () =>
    renderChallengeListCard({
      heading: 'x',
      items: [],
      note: '',
      showFilters: false,
      filter: { status: 'open', priorityArea: 'all', overdue: 'false' },
      statusChoices: [],
      areaChoices: [],
    }),
  'report: with CSV link': () =>
    challengeReportCard(report, { csvUrl: 'https://cpp-bot.example/exports/challenges.csv?from=2026-07-01&to=2026-09-30' }),
  'report: no link': () => challengeReportCard(report),
};

describe('challenge card templates', () => {
  it.each(Object.keys(fixtures))('%s renders to a valid Adaptive Card 1.5 with nothing left unexpanded', (name) => {
    expect(adaptiveCardProblems(fixtures[name]!())).toEqual([]);
  });

  it('offers the respond inputs and challenge.respond with {reference, version} only to a viewer who may respond', () => {
    const card = JSON.stringify(challengeCard(view(inProgress), { nowUtc }));
    expect(card).toContain('"verb":"challenge.respond"');
    expect(card).toContain('"data":{"reference":"CC-2026-014","version":3}');
    for (const id of ['response', 'status', 'explanation']) expect(card).toContain(`"id":"${id}"`);
    const readOnly = JSON.stringify(challengeCard(view(inProgress, false), { nowUtc }));
    expect(readOnly).not.toContain('challenge.respond');
    expect(readOnly).not.toContain('Input.');
  });

  it('shows the status loudly, overdue in red, and only the moves the status machine allows', () => {
    const card = JSON.stringify(challengeCard(view(overdue), { nowUtc }));
    expect(card).toContain('"text":"ACCEPTED · OVERDUE"');
    expect(card).toContain('"color":"Attention"');
    expect(card).toContain('"title":"Keep as accepted","value":"keep"');
    expect(card).toContain('"value":"in_progress"');
    expect(card).toContain('"value":"completed"');
    expect(card).not.toContain('"value":"declined"');
  });

  it('shows typed text literally: no links or emphasis from a response', () => {
    const card = JSON.stringify(challengeCard(view(inProgress), { nowUtc }));
    expect(card).toContain('Raised with \\\\*finance\\\\* \\\\[team](http://x)');
  });

  it('labels the explanation by what it is', () => {
    expect(JSON.stringify(challengeCard(view(informed, false), { nowUtc }))).toContain('Outcome for the young people');
    expect(JSON.stringify(challengeCard(view(declined), { nowUtc }))).toContain('Why the challenge cannot be met');
    expect(JSON.stringify(challengeCard(view(redirected, false), { nowUtc }))).toContain('Passed to');
  });

  it('keeps the last eight history entries and says how many are hidden', () => {
    const card = JSON.stringify(challengeCard({ challenge: fresh, history: longHistory, viewerMayRespond: true }, { nowUtc }));
    expect(card).toContain('4 earlier entries are not shown.');
    expect(card).toContain('Update 11');
    expect(card).not.toContain('Update 3"');
  });

  it('asks "is this a child\'s name?" with a box that carries the confirmation, on the form and on the card', () => {
    const form = JSON.stringify(fixtures['form: asks about a name']!());
    expect(form).toContain('"id":"confirmNotChildName"');
    expect(form).toContain('"valueOn":"abcDEF123456"');
    expect(form).toContain('"value":""');
    const card = JSON.stringify(fixtures['card: asks about a name']!());
    expect(card).toContain('"id":"confirmNotChildName"');
    expect(card).toContain('"valueOn":"abcDEF123456"');
    expect(JSON.stringify(fixtures['form: new']!())).not.toContain('confirmNotChildName');
    expect(JSON.stringify(fixtures['card: refused']!())).not.toContain('confirmNotChildName');
  });

  it('the form keeps its form id on challenge.create and redraws errors beside the fields with what was typed', () => {
    const form = JSON.stringify(fixtures['form: with errors']!());
    expect(form).toContain('"verb":"challenge.create"');
    expect(form).toContain('"data":{"formId":"f0e1d2c3-b4a5-4968-8776-655443322110"}');
    expect(form).toContain('This looks like it contains a phone number.');
    expect(form).toContain('"value":"Bus passes"');
    expect(form).toContain('"title":"Sam Patel (Virtual School Kent)"');
  });

  it('the list opens a card with challenge.show and filters with challenge.list', () => {
    const list = JSON.stringify(fixtures['list: filtered']!());
    expect(list).toContain('"verb":"challenge.show","data":{"reference":"CC-2026-014"}');
    expect(list).toContain('"verb":"challenge.list"');
    expect(list).toContain('Challenge cards: open, overdue, Being emotionally, mentally and physically healthy');
    expect(JSON.stringify(fixtures['list: mine, empty']!())).not.toContain('challenge.list');
  });

  it('the report shows the period, the figures, outcomes and the CSV link', () => {
    const card = JSON.stringify(fixtures['report: with CSV link']!());
    expect(card).toContain('Challenge cards report: Q3 2026');
    expect(card).toContain('1 July to 30 September 2026');
    expect(card).toContain('A rent guarantor scheme for care leavers');
    expect(card).toContain('"type":"Action.OpenUrl"');
    expect(card).toContain('Q1 is January to March');
    expect(JSON.stringify(fixtures['report: no link']!())).not.toContain('Action.OpenUrl');
  });
});
