import { attendeesCsv } from '../../../src/features/events/domain/attendee-csv';
import { aForm, member, officer, priya } from '../../unit/events/event-fixtures';
import { eventsRig } from './event-support';

async function invitedEvent() {
  const rig = await eventsRig();
  const { event } = await rig.officers.create(officer, aForm(), []);
  await rig.invitations.record(event.id, [member, priya, officer]);
  return { ...rig, event };
}

describe('RSVPs against Azurite', () => {
  it('records a double click once (Promise.all), and says so', async () => {
    const { rsvps, book, event } = await invitedEvent();
    const outcomes = await Promise.all([rsvps.respond(event.id, member, 'going'), rsvps.respond(event.id, member, 'going')]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['recorded', 'unchanged']);
    expect(await book.forEvent(event.id)).toHaveLength(1);
    expect(outcomes[1]!.totals).toEqual({ going: 1, maybe: 0, not_going: 0 });
  });

  it('gives reports the ids alone of who was invited and who replied, matching the full lists', async () => {
    const { rsvps, book, invitations, event } = await invitedEvent();
    await rsvps.respond(event.id, member, 'going');
    await rsvps.respond(event.id, priya, 'not_going');
    expect((await invitations.invitedIds(event.id)).sort()).toEqual((await invitations.list(event.id)).map((i) => i.aadObjectId).sort());
    expect((await invitations.invitedIds(event.id)).sort()).toEqual([member, priya, officer].map((p) => p.aadObjectId).sort());
    expect((await book.respondentIds(event.id)).sort()).toEqual([member, priya].map((p) => p.aadObjectId).sort());
  });

  it('lets a member change their answer; racing different answers leave exactly one row', async () => {
    const { rsvps, book, event, clock } = await invitedEvent();
    const first = await rsvps.respond(event.id, member, 'going');
    clock.advance({ hours: 1 });
    const changed = await rsvps.respond(event.id, member, 'not_going');
    expect(changed).toMatchObject({
      outcome: 'changed',
      mine: { response: 'not_going', firstRespondedAtUtc: first.mine!.respondedAtUtc, respondedAtUtc: '2027-01-05T10:00:00.000Z' },
    });
    await Promise.all([
      rsvps.respond(event.id, priya, 'going'),
      rsvps.respond(event.id, priya, 'maybe'),
      rsvps.respond(event.id, priya, 'not_going'),
    ]);
    const rows = (await book.forEvent(event.id)).filter((r) => r.aadObjectId === priya.aadObjectId);
    expect(rows).toHaveLength(1);
  });

  it('takes answers until the RSVP-by instant and refuses them from then on, changing nothing', async () => {
    const { rsvps, event, clock } = await invitedEvent();
    await rsvps.respond(event.id, member, 'going');
    clock.set(clock.now().set({ year: 2027, month: 2, day: 3, hour: 23, minute: 59 }));
    await rsvps.respond(event.id, priya, 'maybe');
    clock.advance({ minutes: 1 });
    await expect(rsvps.respond(event.id, member, 'not_going')).rejects.toMatchObject({
      code: 'conflict',
      userMessage: expect.stringContaining('closed on Thursday 4 February 2027, 12:00am'),
    });
    await expect(rsvps.respond(event.id, officer, 'going')).rejects.toMatchObject({ code: 'conflict' });
    expect((await rsvps.view(event.id, member)).mine?.response).toBe('going');
    expect((await rsvps.view(event.id, member)).totals).toEqual({ going: 1, maybe: 1, not_going: 0 });
  });

  it('refuses answers for a cancelled event but keeps the ones given', async () => {
    const { rsvps, officers, event } = await invitedEvent();
    await rsvps.respond(event.id, member, 'going');
    await officers.cancel(officer, event.id);
    await expect(rsvps.respond(event.id, priya, 'going')).rejects.toMatchObject({
      code: 'conflict',
      userMessage: expect.stringContaining('has been cancelled'),
    });
    expect((await rsvps.view(event.id, member)).mine?.response).toBe('going');
    expect(await rsvps.membersToRemind(event.id)).toEqual([]);
  });

  it('records only the clicking member, only if they may see the event, and validates card data', async () => {
    const { rsvps, event, invitations } = await invitedEvent();
    // A guest the card was forwarded to is told exactly what a missing event gets.
    const stranger = { aadObjectId: '99999999-9999-4999-8999-999999999999', name: 'Forwarded to', role: 'guest' as const };
    const missing = await rsvps.respond('ev-000000000000000000000000', member, 'going').catch((error: unknown) => error);
    await expect(rsvps.respond(event.id, stranger, 'going')).rejects.toEqual(missing);
    await expect(rsvps.view(event.id, stranger)).rejects.toEqual(missing);
    // Someone whose role the event is for, who joined the panel after it was sent, may answer and is added to the invited.
    const newcomer = { ...stranger, name: 'Cllr New', role: 'panel' as const };
    expect((await rsvps.respond(event.id, newcomer, 'going')).mine?.response).toBe('going');
    expect(await invitations.isInvited(event.id, newcomer.aadObjectId)).toBe(true);
    await expect(rsvps.respond(event.id, member, 'yes please')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(rsvps.respond('ev-zzz', member, 'going')).rejects.toMatchObject({ code: 'not_found' });
    await expect(rsvps.respond('ev-000000000000000000000000', member, 'going')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives officers names by answer, the no-reply count and the CSV; reminds Going and Maybe only', async () => {
    const { rsvps, event } = await invitedEvent();
    await rsvps.respond(event.id, member, 'going');
    await rsvps.respond(event.id, priya, 'maybe');
    await rsvps.respond(event.id, officer, 'not_going');
    const list = await rsvps.attendees(officer, event.id);
    expect(list).toMatchObject({
      names: { going: ['Cllr Martin Hughes'], maybe: ['Cllr Priya Shah'], not_going: ['Sam Officer'] },
      invited: 3,
      noAnswer: 0,
      totals: { going: 1, maybe: 1, not_going: 1 },
    });
    await expect(rsvps.attendees(member, event.id)).rejects.toMatchObject({ code: 'forbidden' });
    const csv = await rsvps.attendeesCsv(officer, event.id);
    expect(csv).toMatchObject({
      fileName: 'virtual-school-kent-achievement-awards-attendees-2027-02-10.csv',
      contentType: 'text/csv; charset=utf-8',
      body: attendeesCsv(list.rsvps),
    });
    expect(csv.body.split('\r\n')[1]).toBe('Cllr Martin Hughes,Going,2027-01-05 09:00');
    expect((await rsvps.membersToRemind(event.id)).map((m) => m.name).sort()).toEqual(['Cllr Martin Hughes', 'Cllr Priya Shah']);
  });
});

describe('EventInvitations against Azurite', () => {
  it('records each member once and returns only newcomers, also when two sends race', async () => {
    const { invitations, officers } = await eventsRig();
    const { event } = await officers.create(officer, aForm(), []);
    expect((await invitations.record(event.id, [member, member])).map((m) => m.name)).toEqual(['Cllr Martin Hughes']);
    expect((await invitations.record(event.id, [member, priya])).map((m) => m.name)).toEqual(['Cllr Priya Shah']);
    const many = Array.from({ length: 150 }, (_, i) => ({ aadObjectId: `aad-${i}`, name: `Member ${i}` }));
    const [a, b] = await Promise.all([invitations.record(event.id, many), invitations.record(event.id, many)]);
    expect(a.length + b.length).toBe(150);
    expect(await invitations.list(event.id)).toHaveLength(152);
    expect(await invitations.isInvited(event.id, 'aad-149')).toBe(true);
    expect(await invitations.isInvited(event.id, 'aad-150')).toBe(false);
  });

  it('records who each version invites: a repeat of the same version returns the same people, a later version only its newcomers', async () => {
    const { invitations, officers } = await eventsRig();
    const { event } = await officers.create(officer, aForm(), []);
    const names = (people: { name: string }[]) => people.map((p) => p.name).sort();
    expect(names(await invitations.recordForVersion(event.id, [member, member], 0))).toEqual(['Cllr Martin Hughes']);
    // The same send again (a crash between recording and queueing, a retried job): the same people, so they are queued after all.
    expect(names(await invitations.recordForVersion(event.id, [member], 0))).toEqual(['Cllr Martin Hughes']);
    expect(names(await invitations.recordForVersion(event.id, [member, priya], 1))).toEqual(['Cllr Priya Shah']);
    expect(names(await invitations.recordForVersion(event.id, [member, priya], 1))).toEqual(['Cllr Priya Shah']);
    const many = Array.from({ length: 150 }, (_, i) => ({ aadObjectId: `aad-${i}`, name: `Member ${i}` }));
    const [a, b] = await Promise.all([invitations.recordForVersion(event.id, many, 2), invitations.recordForVersion(event.id, many, 2)]);
    expect([a.length, b.length]).toEqual([150, 150]);
    expect(await invitations.list(event.id)).toHaveLength(152);
  });
});
