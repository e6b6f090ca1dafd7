import { randomUUID } from 'node:crypto';
import { type TableClient, odata } from '@azure/data-tables';
import { compose } from '../../../src/app/composition';
import { loadConfig } from '../../../src/app/config';
import { KnowledgeBase } from '../../../src/features/remit/domain/knowledge-base';
import { silentLogger } from '../../../src/platform/logging/logger';
import { ManualClock } from '../../../src/platform/time/clock';
import { JOB_KINDS } from '../../../src/shared/keys';
import { FIXTURE_TENANT_ID } from '../../support/teams-ids';
import { ADMIN, MARTIN, type PrivacyRig, SAM, person, populate, privacyRig } from './privacy-rig';

/** A member the bot cannot message (no 1:1 chat): broadcasts record them as skipped, a completed delivery record. */
const NOAH = person('noah', 'Noah Reed', 'panel');

async function count(table: TableClient, filter?: string): Promise<number> {
  let rows = 0;
  for await (const _row of table.listEntities(filter ? { queryOptions: { filter } } : {})) rows++;
  return rows;
}

function closeCard(rig: PrivacyRig, reference: string) {
  return async () => {
    await rig.services.challenges.respond(SAM.actor, {
      reference,
      version: 1,
      response: 'Not for the panel.',
      status: 'declined',
      explanation: 'This is a matter for the school.',
    });
    await rig.services.challenges.respond(SAM.actor, {
      reference,
      version: 2,
      response: 'Told them.',
      status: 'informed',
      explanation: '',
    });
  };
}

describe('the retention purge against Azurite', () => {
  let rig: PrivacyRig;
  const table = (name: Parameters<PrivacyRig['store']['client']>[0]) => rig.store.client(name);

  beforeAll(async () => {
    rig = await privacyRig();
    await rig.services.members.recordSighting({
      aadObjectId: NOAH.aadObjectId,
      name: NOAH.name,
      tenantId: FIXTURE_TENANT_ID,
      teamsUserId: NOAH.teamsUserId,
    });
    // On the panel, so the 2026 invitations and reminders reach him, and are recorded as skipped.
    await rig.services.roles.assign(ADMIN.actor, NOAH.aadObjectId, { role: 'panel' });
    await populate(rig);
    await rig.services.members.markInactive(NOAH.aadObjectId);
    // A second card, closed (declined, young people informed) in January 2027.
    await rig.services.challenges.create(SAM.actor, {
      formId: randomUUID(),
      title: 'More youth workers in the evenings',
      words: 'We want someone to talk to after school.',
      raisingGroup: 'super_council',
      raisingGroupOther: '',
      raisedOn: '2027-01-20',
      priorityArea: 'healthy',
      leadOfficer: SAM.aadObjectId,
      assignees: '',
      dueOn: '2027-03-31',
    });
    await closeCard(rig, 'CC-2027-001')();
  });

  it('deletes what is older than its period and keeps what is younger (defaults: 90 days, 2 years, 6 years)', async () => {
    // Two years and a bit later, Martin is active: a fresh vote, a fresh reply and a fresh apology.
    rig.clock.travelTo('2029-03-01T10:00:00Z');
    await rig.services.members.recordSighting({
      aadObjectId: MARTIN.aadObjectId,
      name: MARTIN.name,
      tenantId: FIXTURE_TENANT_ID,
      teamsUserId: MARTIN.teamsUserId,
    });
    await rig.services.feedback.record({ entryId: 'membership', question: 'who sits on the panel', helpful: true }, MARTIN.aadObjectId);
    // For the officers: Priya, unreachable since 2027, is among them, so this invitation is a skipped record of 2029.
    const fresh = randomUUID();
    await rig.services.events.desk.create(SAM.actor, {
      formId: fresh,
      title: 'Care leavers forum',
      kind: 'participation',
      start: '2029-04-20T18:00',
      end: '2029-04-20T20:00',
      venue: 'Sessions House',
      details: '',
      rsvpBy: '',
      audience: 'officers',
      confirmShortNotice: 'false',
    });
    const before = {
      feedback: await count(table('feedback')),
      rsvps: await count(table('rsvps')),
      invitations: await count(table('eventinvites')),
      apologies: await count(table('apologies'), "not (PartitionKey ge 'told|' and PartitionKey lt 'told}')"),
      attendance: await count(table('attendance')),
      audit: await count(table('audit')),
      members: await count(table('members')),
      completedRecords: await count(table('outbox'), "RowKey ge 'm_' and RowKey lt 'm`' and completedAtUtc gt ''"),
      pending: await count(table('outbox'), "RowKey ge 'q_' and RowKey lt 'q`'"),
      reminded: await count(table('reminderlog'), "PartitionKey ge 'reminded|' and PartitionKey lt 'reminded}'"),
      challenges: await count(table('challenges'), "RowKey ge 'card|' and RowKey lt 'card}'"),
    };
    expect(before.completedRecords).toBeGreaterThan(0);

    const counts = await rig.services.privacy.purge.run(ADMIN.actor);
    const purged = (name: string) => counts.filter((entry) => entry.table === name).reduce((sum, entry) => sum + entry.purged, 0);

    // 2 years: the 2026 vote, replies and invitations and apologies go; March 2029's stay.
    expect(await count(table('feedback'))).toBe(1);
    expect(purged('feedback')).toBe(before.feedback - 1);
    expect(await count(table('rsvps'))).toBe(0);
    expect(purged('rsvps')).toBe(before.rsvps);
    expect(await count(table('eventinvites'))).toBeGreaterThan(0);
    expect(await count(table('eventinvites'))).toBeLessThan(before.invitations);
    expect(await count(table('apologies'))).toBe(0);
    expect(purged('apologies')).toBeGreaterThanOrEqual(before.apologies);
    // Inactive and unseen for two years: Noah leaves the directory; the active stay.
    expect(await rig.services.members.find(NOAH.aadObjectId)).toBeUndefined();
    expect(await rig.services.members.find(MARTIN.aadObjectId)).toBeDefined();
    // His panel role goes with his directory entry (nobody could see it on the roles card); Martin keeps his.
    expect(purged('roles')).toBe(1);
    expect(await rig.services.roles.holdingOf(NOAH.aadObjectId)).toEqual({ role: 'guest', councillor: false });
    expect(await rig.services.roles.holdingOf(MARTIN.aadObjectId)).toEqual({ role: 'panel', councillor: false });
    // 90 days: delivery records of 2026 go, March 2029's skipped ones stay; waiting messages are never purged.
    const completedAfter = await count(table('outbox'), "RowKey ge 'm_' and RowKey lt 'm`' and completedAtUtc gt ''");
    expect(completedAfter).toBeGreaterThan(0);
    expect(completedAfter).toBeLessThan(before.completedRecords);
    expect(await count(table('outbox'), "RowKey ge 'q_' and RowKey lt 'q`'")).toBe(before.pending);
    expect(await count(table('reminderlog'), "PartitionKey ge 'reminded|' and PartitionKey lt 'reminded}'")).toBe(0);
    expect(before.reminded).toBeGreaterThan(0);
    // 6 years: attendance, closed cards and the audit log all stay for now.
    expect(await count(table('attendance'))).toBe(before.attendance);
    expect(await count(table('challenges'), "RowKey ge 'card|' and RowKey lt 'card}'")).toBe(before.challenges);
    expect(await count(table('audit'))).toBe(before.audit + 1);
  });

  it('after six years deletes closed challenge cards whole but keeps open ones, and old attendance and audit entries', async () => {
    rig.clock.travelTo('2033-06-01T10:00:00Z');
    await rig.services.privacy.purge.run(ADMIN.actor);
    const cards = table('challenges');
    expect(await count(cards, "RowKey ge 'card|' and RowKey lt 'card}'")).toBe(1);
    expect(await count(cards, odata`PartitionKey eq '2027' and RowKey ge 'hist|' and RowKey lt 'hist}'`)).toBe(0);
    expect(await count(cards, odata`PartitionKey eq '2027' and RowKey ge 'sum|' and RowKey lt 'sum}'`)).toBe(0);
    // The year's counter stays: CC-2027-001 is never given to another card.
    expect(await count(cards, odata`PartitionKey eq '2027' and RowKey eq 'counter'`)).toBe(1);
    // The open card (CC-2026-001, accepted) stays, whatever its age.
    expect(JSON.stringify(await rig.services.challenges.show(ADMIN.actor, 'CC-2026-001'))).toContain('Help with council tax');
    expect(await count(table('attendance'))).toBe(0);
    // Only the entries of the last six years remain, newest first: this purge, the 2029 purge, the 2029 invitation broadcast.
    const actions: string[] = [];
    for await (const row of table('audit').listEntities()) actions.push(String(row.action));
    expect(actions).toEqual(['purge', 'purge', 'broadcast']);
  });

  it('is one job per night, planned once by every instance, run once even by two schedulers at once, and planned again for the next night', async () => {
    const clock = new ManualClock('2033-06-02T01:00:00Z');
    const config = {
      ...loadConfig({ NODE_ENV: 'test', ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId, LOG_LEVEL: 'silent' }),
      publicBaseUrl: 'https://cpp.example.org',
    };
    const instances = [0, 1].map(() => compose(config, rig.store, KnowledgeBase.loadFromDirectory(), clock, silentLogger()));
    await Promise.all(instances.map((instance) => instance.services.privacy.purge.ensureScheduled()));
    await Promise.all(instances.map((instance) => instance.services.privacy.purge.ensureScheduled()));
    const jobs = rig.store.client('jobs');
    const due = async () => {
      const keys: string[] = [];
      for await (const row of jobs.listEntities({ queryOptions: { filter: "PartitionKey eq 'due'" } }))
        if (row.kind === JOB_KINDS.retentionPurge) keys.push(String(row.rowKey));
      return keys;
    };
    // 02:30 London in June is 01:30 UTC.
    expect(await due()).toEqual(['2033-06-02T01:30:00.000Z|retention-purge|2033-06-02']);
    clock.set(clock.now().plus({ minutes: 31 }));
    const auditBefore = await count(table('audit'));
    await Promise.all(instances.map((instance) => instance.scheduler.tick()));
    expect(await count(table('audit'))).toBe(auditBefore + 1);
    expect(await due()).toEqual(['2033-06-03T01:30:00.000Z|retention-purge|2033-06-03']);
  });
});
