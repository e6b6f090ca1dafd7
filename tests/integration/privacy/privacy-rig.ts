import { randomUUID } from 'node:crypto';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { loadConfig } from '../../../src/app/config';
import { compose } from '../../../src/app/composition';
import { eventIdForForm } from '../../../src/features/events/domain/event';
import { KnowledgeBase } from '../../../src/features/remit/domain/knowledge-base';
import { OfficerQuestionStore } from '../../../src/features/remit/data/officer-question-store';
import { UnreachableMembers } from '../../../src/platform/delivery/unreachable-members';
import { silentLogger } from '../../../src/platform/logging/logger';
import type { TableStore } from '../../../src/platform/storage/table-store';
import type { Actor, TurnSender } from '../../../src/shared/access/actor';
import { testConnectionString, testTableStore } from '../../support/test-storage';
import { TravelClock } from '../../support/travel-clock';
import { FIXTURE_TENANT_ID, entraObjectId, teamsBotId, teamsPersonalChatId, teamsTeamId, teamsUserId } from '../../support/teams-ids';

/** A person of the rig: who they are in Teams and as an actor. */
export interface RigPerson {
  aadObjectId: string;
  name: string;
  teamsUserId: string;
  actor: Actor;
  sender: TurnSender;
}

export function person(seed: string, name: string, role: Actor['role']): RigPerson {
  const aadObjectId = entraObjectId(seed);
  const actor: Actor = { aadObjectId, name, tenantId: FIXTURE_TENANT_ID, role };
  return {
    aadObjectId,
    name,
    teamsUserId: teamsUserId(seed),
    actor,
    sender: { aadObjectId, name, tenantId: FIXTURE_TENANT_ID, actor: () => Promise.resolve(actor) },
  };
}

export const ADMIN = person('olivia', 'Olivia Officer', 'admin');
export const SAM = person('sam', 'Sam Patel', 'officer');
/** The person whose data is exported and erased: an officer too, so she acts as well as being acted on. */
export const PRIYA = person('priya', 'Priya Shah', 'officer');
export const MARTIN = person('martin', 'Martin Hughes', 'panel');

/** The whole bot's services on fresh tables of the run's Azurite, with a clock that can travel. */
export async function privacyRig(start = '2026-11-23T09:00:00Z', env: Record<string, string> = {}) {
  const store = await testTableStore();
  const clock = new TravelClock(start);
  const config = {
    ...loadConfig({ NODE_ENV: 'test', ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId, LOG_LEVEL: 'silent', ...env }),
    publicBaseUrl: 'https://cpp.example.org',
  };
  const composition = compose(config, store, KnowledgeBase.loadFromDirectory(), clock, silentLogger());
  return { store, clock, composition, services: composition.services };
}

export type PrivacyRig = Awaited<ReturnType<typeof privacyRig>>;

/** A personal conversation reference as Teams gives it: it names the user, with their ids. */
export function personalReference(who: RigPerson): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    conversation: { id: teamsPersonalChatId(who.aadObjectId), conversationType: 'personal', tenantId: FIXTURE_TENANT_ID },
    bot: { id: teamsBotId(), name: 'Corporate Parenting Panel' },
    user: { id: who.teamsUserId, name: who.name, aadObjectId: who.aadObjectId },
  };
}

/**
 * Data about Priya in every feature, made through the use cases people use: she is seen, made an
 * officer, adds the bot to a Team, sends apologies (and is named as someone else's substitute),
 * creates an event and replies to one, checks in and records someone else's attendance, takes a
 * calendar link, stops the bulletin and training reminders, leads and responds to a challenge
 * card, enters key figures, edits "You said, we did" and the privacy notice, votes on an answer,
 * asks the officers and answers a member (adding it to the knowledge base), is reminded of a
 * meeting, is marked unreachable, and has her data exported.
 */
export async function populate(rig: PrivacyRig): Promise<{ meetingId: string; eventId: string; reference: string; calendarToken: string }> {
  const { services, clock, composition, store } = rig;
  for (const who of [ADMIN, SAM, PRIYA, MARTIN])
    await services.members.recordSighting({
      aadObjectId: who.aadObjectId,
      name: who.name,
      tenantId: FIXTURE_TENANT_ID,
      teamsUserId: who.teamsUserId,
      personalConversationReference: personalReference(who),
    });
  await services.roles.assign(ADMIN.actor, SAM.aadObjectId, { role: 'officer' });
  await services.roles.assign(ADMIN.actor, PRIYA.aadObjectId, { role: 'officer' });
  await services.roles.assign(ADMIN.actor, MARTIN.aadObjectId, { role: 'panel' });
  await services.teams.installed({ teamId: teamsTeamId('panel'), name: 'Panel members', conversationReference: personalReference(PRIYA) });

  const { meeting } = await services.meetings.officers.add(SAM.actor, {
    formId: randomUUID(),
    title: 'Corporate Parenting Panel',
    startDate: '2026-12-08',
    startTime: '14:00',
    endDate: '',
    endTime: '16:00',
    venue: 'Council Chamber, Sessions House, Maidstone',
    agendaUrl: '',
    notes: 'Papers from Priya Shah in Democratic Services.',
  });
  await composition.reminders.plan(meeting);
  await services.apologies.send(meeting.id, PRIYA, { reason: 'At another council meeting', substitute: 'Martin Hughes' });
  await services.apologies.send(meeting.id, MARTIN, { reason: 'On leave', substitute: 'Priya Shah' });

  // Her own event is for the officers, so she is invited to it; the awards are the panel's, and she joins them by replying.
  const ownEventForm = randomUUID();
  await services.events.desk.create(PRIYA.actor, eventForm(ownEventForm, 'Virtual School Kent celebration', '2027-02-10', 'officers'));
  const eventFormId = randomUUID();
  await services.events.desk.create(SAM.actor, eventForm(eventFormId, 'Foster carer awards', '2027-01-20', 'panel'));
  const eventId = eventIdForForm(eventFormId);
  await services.events.desk.rsvp(PRIYA.sender, eventId, 'going');
  await services.events.desk.rsvp(MARTIN.sender, eventId, 'maybe');

  const calendarToken = await services.calendar.tokens.issue(PRIYA.actor);
  await services.calendar.bulletinOptOuts.optOut(PRIYA.aadObjectId);
  await services.training.setReminders(PRIYA.aadObjectId, false);

  await services.challenges.create(SAM.actor, {
    formId: randomUUID(),
    title: 'Help with council tax for care leavers',
    words: 'When we leave care we get council tax bills straight away and nobody tells us what to do.',
    raisingGroup: 'young_adult_council',
    raisingGroupOther: '',
    raisedOn: '2026-11-20',
    priorityArea: 'successful_adults',
    leadOfficer: PRIYA.aadObjectId,
    assignees: MARTIN.aadObjectId,
    dueOn: '2027-01-31',
  });
  const reference = 'CC-2026-001';
  await services.challenges.respond(PRIYA.actor, {
    reference,
    version: 1,
    response: 'I have raised this with the council tax team and will report back.',
    status: 'accepted',
    explanation: '',
  });

  await services.keyFigures.save(PRIYA.actor, {
    quarter: '2026-Q3',
    formId: randomUUID(),
    figure_children_in_care: '1870',
    source: 'Children in care performance report, 30 September 2026',
  });
  await services.youSaidWeDid.save(PRIYA.actor, {
    year: 2026,
    version: 0,
    page: 0,
    intro: 'The panel listened to you this year.',
  });
  await services.privacy.notice.save(PRIYA.actor, {
    formId: randomUUID(),
    version: '0',
    markdown: `${await services.privacy.notice.markdown()}\n\nThis notice is kept by Priya Shah, Democratic Services.`,
  });

  await services.feedback.record({ entryId: 'purpose', question: 'what is the panel for', helpful: false }, PRIYA.aadObjectId);
  await services.officerQuestions.ask(PRIYA.actor, {
    question: 'Who chairs the panel this year?',
    requestId: 'priya-question-1',
    origin: 'declined',
  });
  await services.officerQuestions.ask(MARTIN.actor, {
    question: 'When are the training sessions?',
    requestId: 'martin-question-1',
    origin: 'declined',
  });
  await services.officerQuestions.answer(PRIYA.actor, {
    questionId: OfficerQuestionStore.idFor(MARTIN.aadObjectId, 'martin-question-1'),
    answer: 'Training sessions are listed in the Member Bulletin each week.',
    addToKnowledge: true,
  });

  // A week before the meeting its reminders go out (outbox rows, the reminder log).
  clock.travelTo('2026-12-01T14:01:00Z');
  await composition.scheduler.tick();
  // Sent again after that run, so the coalesced notice to officers (its job key names her) is still waiting.
  await services.apologies.withdraw(meeting.id, PRIYA);
  await services.apologies.send(meeting.id, PRIYA, { reason: 'At another council meeting', substitute: 'Martin Hughes' });
  // At the awards evening Priya checks in and records Martin as there.
  clock.travelTo('2027-01-20T18:30:00Z');
  await services.attendance.checkIn(PRIYA, eventId);
  await services.attendance.record(PRIYA.actor, {
    occasionId: eventId,
    formId: randomUUID(),
    page: 0,
    shown: MARTIN.aadObjectId,
    attended: MARTIN.aadObjectId,
    since: clock.now().toUTC().toISO()!,
  });
  await new UnreachableMembers(store.client('unreachable'), clock).mark(PRIYA.aadObjectId, 'bot_blocked');

  // Her data exported twice: by herself and by an administrator (both audited, naming her).
  for (const holder of [PRIYA, ADMIN]) {
    const card = JSON.stringify(
      holder === PRIYA
        ? await services.privacy.desk.myData(PRIYA.actor)
        : await services.privacy.desk.exportOf(ADMIN.actor, PRIYA.aadObjectId),
    );
    const url = new URL(/"url":"(https:\/\/cpp\.example\.org\/privacy\/data\/[^"]+)"/.exec(card)![1]!);
    const file = await services.privacy.desk.download(PRIYA.aadObjectId, url.searchParams);
    if (file.kind !== 'file') throw new Error('export refused');
  }
  return { meetingId: meeting.id, eventId, reference, calendarToken };
}

/** An event form as an officer sends it; `audience` is the form's choice value (`panel`, `councillors`, `officers`, `team:<id>`). */
export function eventForm(formId: string, title: string, day: string, audience: string) {
  return {
    formId,
    title,
    kind: 'achievement-awards',
    start: `${day}T18:00`,
    end: `${day}T20:00`,
    venue: 'Sessions House, Maidstone',
    details: '',
    rsvpBy: '',
    audience,
    confirmShortNotice: 'false',
  };
}

/** Every table of the rig's prefix in the storage account, as the service lists them. */
export async function tablesOf(store: TableStore): Promise<string[]> {
  const prefix = store.tableName('members').slice(0, -'members'.length);
  const service = TableServiceClient.fromConnectionString(testConnectionString(), { allowInsecureConnection: true });
  const names: string[] = [];
  for await (const table of service.listTables()) if (table.name?.startsWith(prefix)) names.push(table.name.slice(prefix.length));
  return names.sort();
}

/** Every row of every table of the prefix that holds one of the needles (any case), with where. */
export async function rowsHolding(store: TableStore, needles: readonly string[]): Promise<string[]> {
  const prefix = store.tableName('members').slice(0, -'members'.length);
  const lowered = needles.map((needle) => needle.toLowerCase());
  const hits: string[] = [];
  for (const table of await tablesOf(store)) {
    const client = TableClient.fromConnectionString(testConnectionString(), `${prefix}${table}`, { allowInsecureConnection: true });
    for await (const entity of client.listEntities<Record<string, unknown>>()) {
      const { etag: _etag, timestamp: _timestamp, ...row } = entity;
      const text = JSON.stringify(row).toLowerCase();
      for (const needle of lowered)
        if (text.includes(needle)) hits.push(`${table} ${String(entity.partitionKey)}/${String(entity.rowKey)} holds ${needle}`);
    }
  }
  return hits;
}
