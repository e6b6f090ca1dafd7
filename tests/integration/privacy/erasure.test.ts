import { TableServiceClient } from '@azure/data-tables';
import { TABLES } from '../../../src/platform/storage/table-names';
import { FORMER_MEMBER } from '../../../src/shared/personal-data';
import { testConnectionString } from '../../support/test-storage';
import { ADMIN, MARTIN, PRIYA, type PrivacyRig, populate, privacyRig, rowsHolding, tablesOf } from './privacy-rig';

/** The request id the confirmation card's Erase button carries. */
function requestIdOf(card: unknown): string {
  const match = /"verb":"privacy\.erase","style":"destructive","data":\{"aadObjectId":"[^"]+","requestId":"([0-9a-f-]{36})"\}/.exec(
    JSON.stringify(card),
  );
  if (!match) throw new Error('no erase button');
  return match[1]!;
}

describe('erasing a person (UK GDPR Article 17) against Azurite', () => {
  let rig: PrivacyRig;
  let made: Awaited<ReturnType<typeof populate>>;
  let hitsBefore: string[] = [];
  /** The Members' Calendar feed as the HTTP server serves it. */
  const calendarFeed = () =>
    rig.composition.features.flatMap((feature) => feature.downloads ?? []).find((d) => d.path === '/calendar/:file')!;

  beforeAll(async () => {
    rig = await privacyRig();
    made = await populate(rig);
    hitsBefore = await rowsHolding(rig.store, [PRIYA.aadObjectId, PRIYA.name, PRIYA.teamsUserId]);
  });

  it('finds her in every table that holds people before the erasure (the scan can fail)', async () => {
    const tables = new Set(hitsBefore.map((hit) => hit.split(' ')[0]));
    for (const table of [
      'members',
      'roles',
      'teams',
      'meetings',
      'reminderlog',
      'apologies',
      'events',
      'eventinvites',
      'rsvps',
      'attendance',
      'calendartokens',
      'bulletinoptouts',
      'training',
      'challenges',
      'keyfigures',
      'yousaidwedid',
      'officerquestions',
      'officerentries',
      'privacy',
      'audit',
      'outbox',
      'unreachable',
      'jobs',
    ])
      expect([table, tables.has(table)]).toEqual([table, true]);
  });

  it('lists everything held about her in "my data", kind by kind', async () => {
    const sections = await rig.composition.personalData.export({
      aadObjectId: PRIYA.aadObjectId,
      names: [PRIYA.name],
      teamsUserIds: [PRIYA.teamsUserId],
    });
    const counts = Object.fromEntries(sections.map((section) => [section.kind, section.records.length]));
    expect(counts).toMatchObject({
      directory: 1,
      role: 1,
      'teams-installed': 1,
      apologies: 1,
      'meeting-reminders': 1,
      'event-invitations': 2,
      'event-replies': 1,
      'events-created': 1,
      attendance: 1,
      'attendance-recorded': 1,
      'calendar-feed': 1,
      'bulletin-opt-out': 1,
      'training-reminders': 1,
      'challenge-cards': 1,
      'challenge-responses': 1,
      'key-figures': 1,
      'you-said-we-did': 1,
      'answer-feedback': 1,
      'officer-questions': 1,
      'officer-answers': 1,
      'knowledge-entries': 1,
      'privacy-notice': 1,
      unreachable: 1,
      'scheduled-jobs': 1,
    });
    expect(counts.messages).toBeGreaterThanOrEqual(2);
    expect(counts['audit-log']).toBeGreaterThanOrEqual(3);
    // Her role as it is stored now: what, who set it and how.
    expect(sections.find((section) => section.kind === 'role')!.records).toEqual([
      {
        role: 'officer',
        councillor: false,
        setBy: ADMIN.aadObjectId,
        setAtUtc: expect.stringMatching(/^2026-11-23T/),
        how: 'roles card',
        previousRole: null,
      },
    ]);
    // The feed listed is the one she took, and it works (the erasure below must stop it).
    const feed = sections.find((section) => section.kind === 'calendar-feed')!;
    expect(feed.records).toEqual([{ issuedAtUtc: expect.stringMatching(/^2026-11-23T/) }]);
    expect(await calendarFeed().serve({ params: { file: `${made.calendarToken}.ics` }, query: new URLSearchParams() })).toMatchObject({
      kind: 'file',
    });
  });

  it('erases once from a confirmation card, however often it is pressed, leaving no table with her id or name', async () => {
    const confirm = await rig.services.privacy.desk.eraseConfirmation(ADMIN.actor, PRIYA.aadObjectId);
    expect(JSON.stringify(confirm)).toContain('Erase the data of Priya Shah?');
    const requestId = requestIdOf(confirm);
    // A double click, and Teams delivering the invoke again.
    const [first, second] = await Promise.all([
      rig.services.privacy.desk.erase(ADMIN.actor, { aadObjectId: PRIYA.aadObjectId, requestId }),
      rig.services.privacy.desk.erase(ADMIN.actor, { aadObjectId: PRIYA.aadObjectId, requestId }),
    ]);
    const third = await rig.services.privacy.desk.erase(ADMIN.actor, { aadObjectId: PRIYA.aadObjectId, requestId });
    expect(JSON.stringify([first, second])).toContain('Data erased');
    expect(JSON.stringify(third)).toContain('Already erased');

    expect(await rowsHolding(rig.store, [PRIYA.aadObjectId, PRIYA.name, PRIYA.teamsUserId])).toEqual([]);
  });

  it('withdraws her calendar address: a calendar app still polling it is told it is gone, by a tombstone without her id', async () => {
    expect(await rig.services.calendar.tokens.resolve(made.calendarToken)).toEqual({ kind: 'withdrawn' });
    expect(await rig.services.calendar.tokens.hasToken(PRIYA.aadObjectId)).toBe(false);
    const answer = await calendarFeed().serve({ params: { file: `${made.calendarToken}.ics` }, query: new URLSearchParams() });
    expect(answer).toMatchObject({ kind: 'refused', status: 410 });
    const tombstones: string[] = [];
    for await (const row of rig.store.client('calendartokens').listEntities()) tombstones.push(JSON.stringify(row));
    expect(tombstones.filter((row) => row.includes('"reason":"erased"'))).toHaveLength(1);
  });

  it('keeps the council\'s records with "Former member" in her place, and everyone else\'s data as it was', async () => {
    const card = JSON.stringify(await rig.services.challenges.show(ADMIN.actor, made.reference));
    expect(card).toContain(FORMER_MEMBER);
    expect(card).toContain('I have raised this with the council tax team');
    expect(card).toContain(MARTIN.name);
    const attendance = await rig.services.attendance.attended(made.eventId, MARTIN.aadObjectId);
    expect(attendance).toMatchObject({ status: 'attended', by: { name: FORMER_MEMBER } });
    expect(await rig.services.members.find(MARTIN.aadObjectId)).toMatchObject({ name: MARTIN.name, active: true });
    expect(await rig.services.members.find(PRIYA.aadObjectId)).toBeUndefined();
    const martinsApology = JSON.stringify(await rig.services.apologies.listFor(ADMIN.actor, made.meetingId));
    expect(martinsApology).toContain(MARTIN.name);
    expect(martinsApology).toContain(FORMER_MEMBER);
  });

  it('audits the erasure once, naming the administrator and a pseudonym, never her', async () => {
    const erasures = (await rig.composition.personalData.export({ aadObjectId: ADMIN.aadObjectId, names: [ADMIN.name], teamsUserIds: [] }))
      .find((section) => section.kind === 'audit-log')!
      .records.filter((record) => record.action === 'erasure');
    expect(erasures).toHaveLength(1);
    expect(erasures[0]).toMatchObject({ actor: 'you', subject: expect.stringMatching(/^member former-[0-9a-f]{16}$/) });
    expect(String(erasures[0]!.detail)).toMatch(/^\d+ rows deleted, \d+ kept as "Former member"$/);
  });

  it('has a personal-data owner for every table in the storage account, and the check finds a table without one', async () => {
    const owners = rig.composition.personalData.owners();
    const unowned = (tables: readonly string[]) => tables.filter((table) => !owners.has(table as (typeof TABLES)[number]));
    const tables = await tablesOf(rig.store);
    expect(tables).toEqual([...TABLES].sort());
    expect(unowned(tables)).toEqual([]);
    // A table added without an owner is caught.
    const prefix = rig.store.tableName('members').slice(0, -'members'.length);
    await TableServiceClient.fromConnectionString(testConnectionString(), { allowInsecureConnection: true }).createTable(`${prefix}strays`);
    expect(unowned(await tablesOf(rig.store))).toEqual(['strays']);
  });
});
