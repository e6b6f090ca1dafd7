import { Duration } from 'luxon';
import { compose, type Composition } from '../../../src/app/composition';
import { loadConfig } from '../../../src/app/config';
import { silentLogger } from '../../../src/platform/logging/logger';
import type { TableStore } from '../../../src/platform/storage/table-store';
import { ManualClock } from '../../../src/platform/time/clock';
import type { Actor } from '../../../src/shared/access/actor';
import { DomainError } from '../../../src/shared/errors/domain-error';
import { KnowledgeBase } from '../../../src/features/remit/domain/knowledge-base';
import { OfficerEntryStore } from '../../../src/features/remit/data/officer-entry-store';
import { LiveKnowledge } from '../../../src/features/remit/live-knowledge';
import { EmulatedConnector } from '../../support/emulated-connector';
import { testTableStore } from '../../support/test-storage';
import { TravelClock } from '../../support/travel-clock';

const admin: Actor = { aadObjectId: 'admin-1', name: 'Theresa Grayell', tenantId: 't', role: 'admin' };
const officer: Actor = { aadObjectId: 'officer-2', name: 'Sam Patel', tenantId: 't', role: 'officer' };
const member: Actor = { aadObjectId: 'cllr-1', name: 'Cllr Ada Lovelace', tenantId: 't', role: 'panel' };
const otherMember: Actor = { aadObjectId: 'cllr-2', name: 'Cllr Alan Turing', tenantId: 't', role: 'panel' };
const QUESTION = 'Can foster carers on the panel claim mileage for coming to meetings?';
const ANSWER =
  'Yes. Foster carers who are members of the panel can claim travel expenses (mileage) for attending panel meetings: send the claim form to Democratic Services within three months.';

async function eventually(check: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

function text(card: unknown): string {
  return JSON.stringify(card);
}

/** "Ask an officer" through the real composition: Tables (Azurite), outbox, dispatcher and an emulated Teams connector. */
describe('ask an officer', () => {
  let composition: Composition;
  let connector: EmulatedConnector;
  let store: TableStore;
  // Friday 4 December 2026, 10:00 in London.
  const clock = new TravelClock('2026-12-04T10:00:00Z');
  const received = (needle: string, conversation: string) =>
    [...connector.acceptedCounts()]
      .filter(([marker]) => marker.startsWith(`${conversation}|`) && marker.includes(needle))
      .reduce((sum, [, n]) => sum + n, 0);
  let questionId = '';
  // A second instance of the bot, sharing the storage account, with a clock of its own that only moves when told.
  let other: LiveKnowledge;
  const otherClock = new ManualClock('2026-12-08T09:00:00Z');

  beforeAll(async () => {
    connector = new EmulatedConnector({
      markerOf: (activity) =>
        `${String((activity.conversation as { id?: string }).id)}|${JSON.stringify(activity.attachments)}|${String(activity.id ?? Math.random())}`,
    });
    await connector.start();
    store = await testTableStore();
    const config = {
      ...loadConfig({ NODE_ENV: 'test', ADMIN_AAD_OBJECT_IDS: admin.aadObjectId, LOG_LEVEL: 'silent', OFFICER_QUESTION_NUDGE_AFTER: '2' }),
      publicBaseUrl: 'https://cpp.example.org',
    };
    composition = compose(config, store, KnowledgeBase.loadFromDirectory(), clock, silentLogger());
    const { members, roles } = composition.services;
    for (const [person, conversation] of [
      [admin, 'a:admin'],
      [officer, 'a:officer'],
      [member, 'a:member'],
      [otherMember, 'a:other'],
    ] as const) {
      await members.recordSighting({
        aadObjectId: person.aadObjectId,
        name: person.name,
        tenantId: 't',
        teamsUserId: `29:${person.aadObjectId}`,
        personalConversationReference: connector.reference(conversation),
      });
    }
    await roles.assign(admin, officer.aadObjectId, { role: 'officer' });
    composition.dispatcher.start();
    await composition.services.officerQuestions.ensureScheduled();
    other = new LiveKnowledge(
      KnowledgeBase.loadFromDirectory(),
      new OfficerEntryStore(store.client('officerentries')),
      otherClock,
      Duration.fromISO('PT5S'),
      silentLogger(),
    );
  });
  afterAll(async () => {
    await composition?.dispatcher.stop();
    await connector?.stop();
  });

  it('the bot declines the question before anyone answers it', async () => {
    const remit = await composition.services.liveKnowledge.remit();
    expect(remit.answer(QUESTION).kind).toBe('unknown');
  });

  it('sends the question, who asked and when to every officer once, however often the button is pressed', async () => {
    const desk = composition.services.officerQuestions;
    const button = { question: QUESTION, requestId: 'req-4f1c2b7e9a', origin: 'declined' as const };
    const first = text(await desk.ask(member, button));
    expect(first).toContain('Sent to the officers');
    await desk.ask(member, button);
    await eventually(
      () => received('New question for the officers', 'a:admin') === 1 && received('New question for the officers', 'a:officer') === 1,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(received('New question for the officers', 'a:admin')).toBe(1);
    expect(received('New question for the officers', 'a:member')).toBe(0);
    const card = [...connector.acceptedCounts().keys()].find((marker) => marker.startsWith('a:officer|'))!;
    expect(card).toContain('Cllr Ada Lovelace');
    expect(card).toContain('Friday 4 December 2026, 10:00am');
    expect(card).toContain('"verb":"officerQuestion.answer"');
    questionId = /"questionId":"(oq-[a-f0-9]{16})"/.exec(card)![1]!;
  });

  it('lists it under "open questions" for officers only', async () => {
    const desk = composition.services.officerQuestions;
    expect(text(await desk.openQuestions(officer))).toContain('Can foster carers on the panel claim mileage');
    await expect(desk.openQuestions(member)).rejects.toThrow(DomainError);
  });

  it('nudges the officers after two working days without an answer, once', async () => {
    clock.travelTo('2026-12-07T09:00:05Z'); // Monday: one working day
    await composition.scheduler.tick();
    await new Promise((r) => setTimeout(r, 300));
    expect(received('Still unanswered', 'a:officer')).toBe(0);
    clock.travelTo('2026-12-08T09:00:05Z'); // Tuesday: two working days
    await composition.scheduler.tick();
    await eventually(() => received('Still unanswered after 2 working days', 'a:officer') === 1);
    await composition.scheduler.tick();
    await new Promise((r) => setTimeout(r, 300));
    expect(received('Still unanswered', 'a:officer')).toBe(1);
  });

  it('refuses an empty or HTML answer without changing anything, and refuses a member', async () => {
    const desk = composition.services.officerQuestions;
    expect(text(await desk.answer(officer, { questionId, answer: '   ' }))).toContain('Type the answer');
    expect(text(await desk.answer(officer, { questionId, answer: '<b>yes</b>' }))).toContain('plain text');
    await expect(desk.answer(member, { questionId, answer: 'yes' })).rejects.toThrow(DomainError);
    expect(text(await desk.openQuestions(officer))).toContain('1 unanswered question');
  });

  it("takes one officer's answer, sends it to the member signed with the role, and refuses a second officer", async () => {
    const desk = composition.services.officerQuestions;
    expect((await other.remit()).answer(QUESTION).kind).toBe('unknown');
    const answered = text(await desk.answer(officer, { questionId, answer: ANSWER, addToKnowledge: 'true' }));
    expect(answered).toContain('Answered by Sam Patel (panel officer)');
    expect(answered).not.toContain('"verb":"officerQuestion.answer"');
    await eventually(() => received('An officer answered your question', 'a:member') === 1);
    const toMember = [...connector.acceptedCounts().keys()].find(
      (marker) => marker.startsWith('a:member|') && marker.includes('An officer answered'),
    )!;
    expect(toMember).toContain('Answered by Sam Patel, panel officer');
    const second = text(await desk.answer(admin, { questionId, answer: 'No.' }));
    expect(second).toContain('Sam Patel has already answered this question');
    expect(second).not.toContain('No.');
    await new Promise((r) => setTimeout(r, 300));
    expect(received('An officer answered your question', 'a:member')).toBe(1);
    expect(text(await desk.openQuestions(officer))).toContain('no unanswered questions');
  });

  it('puts the answer in the knowledge base at once, for anyone asking in other words', async () => {
    const result = (await composition.services.liveKnowledge.remit()).answer(
      'do foster carers get travel expenses paid for panel meetings?',
    );
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.entry.answer).toBe(ANSWER);
    expect(result.entry.source.document).toBe('Answered by an officer, Tuesday 8 December 2026');
    expect(result.entry.review).toEqual({ owner: 'Sam Patel', reviewed: '2026-12-08', reviewBy: '2027-12-08' });
  });

  it('reaches another instance through the version row once its check interval has passed', async () => {
    const rephrased = 'do foster carers get travel expenses paid for panel meetings?';
    expect((await other.remit()).answer(rephrased).kind).toBe('unknown');
    otherClock.advance(Duration.fromISO('PT4S'));
    expect((await other.remit()).answer(rephrased).kind).toBe('unknown');
    otherClock.advance(Duration.fromISO('PT2S'));
    expect((await other.remit()).answer(rephrased).kind).toBe('answer');
    expect(other.officerEntries()).toHaveLength(1);
  });

  it('lets officers edit, export and retire it; a stale card changes nothing', async () => {
    const desk = composition.services.officerQuestions;
    const list = text(await desk.officerEntries(officer));
    const entryId = /"entryId":"(officer-[a-f0-9]{16})"/.exec(list)![1]!;
    const etag = /"verb":"officerEntry.retire","data":\{"entryId":"officer-[a-f0-9]{16}","etag":"((?:[^"\\]|\\.)*)"/
      .exec(list)![1]!
      .replace(/\\"/g, '"');
    const exportUrl = /"url":"(https:[^"]+officer-answers\.yaml[^"]+)"/.exec(list)![1]!;
    const yaml = await desk.exportYaml(new URL(exportUrl).searchParams);
    expect(yaml?.body).toContain('entries:');
    expect(yaml?.body).toContain('Answered by an officer, Tuesday 8 December 2026');
    expect(await desk.exportYaml(new URLSearchParams({ for: member.aadObjectId, expires: '9999999999', sig: 'forged' }))).toBeUndefined();

    clock.travelTo('2027-01-05T10:00:00Z');
    const saved = text(await desk.saveEntry(officer, { entryId, etag, question: QUESTION, answer: `${ANSWER} The form is on KNet.` }));
    expect(saved).toContain('Saved');
    expect(text(await desk.saveEntry(officer, { entryId, etag, question: QUESTION, answer: 'Overwritten by a stale card' }))).toContain(
      'Someone changed this answer',
    );
    const reloaded = (await composition.services.liveKnowledge.remit()).answer(
      'do foster carers get travel expenses paid for panel meetings?',
    );
    expect(reloaded.kind === 'answer' && reloaded.entry.answer).toContain('The form is on KNet');
    expect(reloaded.kind === 'answer' && reloaded.entry.review?.reviewed).toBe('2027-01-05');

    const fresh = text(await desk.officerEntries(officer));
    const freshEtag = /"verb":"officerEntry.retire","data":\{"entryId":"officer-[a-f0-9]{16}","etag":"((?:[^"\\]|\\.)*)"/
      .exec(fresh)![1]!
      .replace(/\\"/g, '"');
    expect(text(await desk.retireEntry(officer, { entryId, etag: freshEtag }))).toContain('Retired');
    expect(
      (await composition.services.liveKnowledge.remit()).answer('do foster carers get travel expenses paid for panel meetings?').kind,
    ).toBe('unknown');
  });

  it('lists answers due for review, overdue first', async () => {
    clock.travelTo('2027-11-10T10:00:00Z');
    const due = text(await composition.services.officerQuestions.dueForReview(officer));
    expect(due).toContain('due within 30 days');
    expect(due).toContain('Due Tuesday 23 November 2027');
    await expect(composition.services.officerQuestions.dueForReview(member)).rejects.toThrow(DomainError);
  });
});
