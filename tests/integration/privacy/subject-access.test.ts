import { DateTime } from 'luxon';
import { FIXTURE_TENANT_ID, entraObjectId } from '../../support/teams-ids';
import { ADMIN, MARTIN, PRIYA, type PrivacyRig, type RigPerson, SAM, person, personalReference, privacyRig } from './privacy-rig';

/** The download link of a personal-data card, as its Action.OpenUrl carries it. */
function linkOf(card: unknown): URL {
  const match = /"url":"(https:\/\/cpp\.example\.org\/privacy\/data\/[^"]+)"/.exec(JSON.stringify(card));
  if (!match) throw new Error('no download link on the card');
  return new URL(match[1]!);
}

function subjectOf(link: URL): string {
  return decodeURIComponent(/\/privacy\/data\/(.+)\.json$/.exec(link.pathname)![1]!);
}

describe('"my data" and subject access requests against Azurite', () => {
  let rig: PrivacyRig;
  const otherPriya = person('priya-2', 'Priya Shah', 'panel');
  const desk = () => rig.services.privacy.desk;

  async function seen(who: RigPerson) {
    await rig.services.members.recordSighting({
      aadObjectId: who.aadObjectId,
      name: who.name,
      tenantId: FIXTURE_TENANT_ID,
      teamsUserId: who.teamsUserId,
      personalConversationReference: personalReference(who),
    });
  }

  beforeAll(async () => {
    rig = await privacyRig();
    for (const who of [ADMIN, SAM, PRIYA, MARTIN, otherPriya]) await seen(who);
    await rig.services.members.setRemindersOff(MARTIN.aadObjectId, true);
  });

  it('gives anyone a summary of what is held about them, and the JSON behind a link only they can use, for minutes', async () => {
    const card = await desk().myData(MARTIN.actor);
    const json = JSON.stringify(card);
    expect(json).toContain('Your data');
    expect(json).toContain('Members directory: 1');
    expect(json).toContain('RETENTION_INACTIVE_MEMBERS');
    const link = linkOf(card);
    expect(subjectOf(link)).toBe(MARTIN.aadObjectId);
    const file = await desk().download(MARTIN.aadObjectId, link.searchParams);
    if (file.kind !== 'file') throw new Error('refused');
    expect(file.contentType).toBe('application/json; charset=utf-8');
    const body = JSON.parse(String(file.body)) as {
      about: { aadObjectId: string };
      sections: { kind: string; records: Record<string, unknown>[] }[];
    };
    expect(body.about.aadObjectId).toBe(MARTIN.aadObjectId);
    expect(body.sections.find((section) => section.kind === 'directory')!.records[0]).toMatchObject({
      name: MARTIN.name,
      remindersOff: true,
    });
    // Martin's link opens nobody else's data; a changed signature or an expired link opens nothing.
    expect(await desk().download(PRIYA.aadObjectId, link.searchParams)).toMatchObject({ kind: 'refused', status: 403 });
    const forged = new URLSearchParams(link.searchParams);
    forged.set('sig', 'A'.repeat(43));
    expect(await desk().download(MARTIN.aadObjectId, forged)).toMatchObject({ kind: 'refused', status: 403 });
    rig.clock.travelTo(DateTime.fromISO('2026-11-23T09:16:00Z').toISO()!);
    expect(await desk().download(MARTIN.aadObjectId, link.searchParams)).toMatchObject({ kind: 'refused', status: 403 });
    rig.clock.travelTo('2026-11-23T09:00:00Z');
  });

  it('lets only administrators export someone else, by name or Entra object id, and audits who, whom and when, never the data', async () => {
    await expect(desk().exportFor(SAM.actor, 'Martin Hughes')).rejects.toMatchObject({ code: 'forbidden' });
    const card = await desk().exportFor(ADMIN.actor, 'cllr martin hughes');
    expect(JSON.stringify(card)).toContain('Data held about Martin Hughes');
    const link = linkOf(card);
    expect(subjectOf(link)).toBe(MARTIN.aadObjectId);
    expect((await desk().download(MARTIN.aadObjectId, link.searchParams)).kind).toBe('file');
    const byId = await desk().exportFor(ADMIN.actor, MARTIN.aadObjectId.toUpperCase());
    expect(subjectOf(linkOf(byId))).toBe(MARTIN.aadObjectId);
    // An administrator's link stops working once they are no longer one.
    const samAsAdmin = { ...SAM.actor, role: 'admin' as const };
    const samsLink = linkOf(await desk().exportOf(samAsAdmin, MARTIN.aadObjectId));
    expect(await desk().download(MARTIN.aadObjectId, samsLink.searchParams)).toMatchObject({ kind: 'refused', status: 403 });
    const audit = JSON.stringify(await rig.services.audit.card(ADMIN.actor));
    expect(audit).toContain('Data export: Martin Hughes');
    expect(audit).toContain('subject access request');
    expect(audit).not.toContain('remindersOff');
  });

  it('offers a choice when a name is ambiguous, says so when nobody has it, and takes an id nobody is in the directory under', async () => {
    const choice = JSON.stringify(await desk().exportFor(ADMIN.actor, 'Priya Shah'));
    expect(choice).toContain('2 people in the members directory have that name');
    expect(choice).toContain(`"aadObjectId":"${PRIYA.aadObjectId}"`);
    expect(choice).toContain(`"aadObjectId":"${otherPriya.aadObjectId}"`);
    expect(choice).toContain('"verb":"privacy.choose"');
    await expect(desk().exportFor(ADMIN.actor, 'Nobody Atall')).rejects.toMatchObject({ code: 'not_found' });
    await expect(desk().exportFor(ADMIN.actor, '   ')).rejects.toMatchObject({ code: 'invalid_input' });
    const unknown = entraObjectId('never-seen');
    const card = JSON.stringify(await desk().exportFor(ADMIN.actor, unknown));
    expect(card).toContain('0 records');
    const audit = JSON.stringify(await rig.services.audit.card(ADMIN.actor));
    expect(audit).not.toContain(unknown);
  });

  it('asks before erasing, refuses anyone but an administrator and an administrator erasing themselves', async () => {
    await expect(desk().eraseRequest(SAM.actor, 'Martin Hughes')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      desk().erase(SAM.actor, { aadObjectId: MARTIN.aadObjectId, requestId: '0b7c2a3e-5d4f-4a6b-8c9d-0e1f2a3b4c5d' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(desk().eraseRequest(ADMIN.actor, ADMIN.name)).rejects.toMatchObject({ code: 'invalid_input' });
    const choice = JSON.stringify(await desk().eraseRequest(ADMIN.actor, 'priya shah'));
    expect(choice).toContain('nothing is erased until you confirm');
    expect(choice).toContain('"purpose":"erase"');
    const confirm = JSON.stringify(await desk().eraseRequest(ADMIN.actor, 'Martin Hughes'));
    expect(confirm).toContain('Erase the data of Martin Hughes?');
    expect(confirm).toContain('Members directory');
    expect(confirm).toContain('This cannot be undone');
    // Asking changed nothing.
    expect(await rig.services.members.find(MARTIN.aadObjectId)).toBeDefined();
  });
});
