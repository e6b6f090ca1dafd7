import { EventFormError } from '../../../src/features/events/domain/event-form';
import { aForm, member, officer, priya } from '../../unit/events/event-fixtures';
import { eventsRig } from './event-support';
import { teamsTeamId } from '../../support/teams-ids';

const teams = [{ teamId: teamsTeamId('cicc'), teamName: 'Children in Care Council' }];

describe('OfficerEvents against Azurite', () => {
  it('creates an event from the form for an officer, stored and listed as upcoming', async () => {
    const { officers, repository } = await eventsRig();
    const { event } = await officers.create(officer, aForm({ audience: `team:${teamsTeamId('cicc')}` }), teams);
    expect(event).toMatchObject({
      id: expect.stringMatching(/^ev-[0-9a-f]{24}$/),
      status: 'scheduled',
      sequence: 0,
      shortNotice: false,
      startUtc: '2027-02-10T18:00:00.000Z',
      audience: { kind: 'team', teamName: 'Children in Care Council' },
      createdBy: { aadObjectId: officer.aadObjectId },
    });
    expect((await repository.get(event.id))?.event).toEqual(event);
    expect((await repository.listUpcoming('2027-01-05T09:00:00.000Z', 5)).map((e) => e.id)).toEqual([event.id]);
  });

  it('creates one event per form, however often (and however concurrently) the form is delivered', async () => {
    const { officers, repository } = await eventsRig();
    const submitted = aForm({ formId: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' });
    const [first, second] = await Promise.all([officers.create(officer, submitted, teams), officers.create(officer, submitted, teams)]);
    const third = await officers.create(officer, submitted, teams);
    expect([first.outcome, second.outcome].sort()).toEqual(['created', 'duplicate']);
    expect(third).toEqual({ event: first.event, outcome: 'duplicate' });
    expect(second.event.id).toBe(first.event.id);
    expect(await repository.listUpcoming('2027-01-05T09:00:00.000Z', 5)).toHaveLength(1);
  });

  it('refuses members, and reports form errors without storing anything', async () => {
    const { officers, repository } = await eventsRig();
    await expect(officers.create(member, aForm(), teams)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(officers.create(officer, aForm({ end: '2027-02-10T17:00' }), teams)).rejects.toBeInstanceOf(EventFormError);
    await expect(
      officers.create(officer, aForm({ start: '2027-01-10T18:00', end: '2027-01-10T19:00', rsvpBy: '' }), teams),
    ).rejects.toMatchObject({ needsShortNoticeConfirmation: true });
    expect(await repository.listUpcoming('2027-01-01T00:00:00.000Z', 5)).toEqual([]);
  });

  it('updates: records what changed and the old start, bumps the version, keeps RSVPs; the same form again changes nothing', async () => {
    const { officers, rsvps, invitations } = await eventsRig();
    const { event } = await officers.create(officer, aForm(), teams);
    await invitations.record(event.id, [priya]);
    await rsvps.respond(event.id, priya, 'going');
    const moved = await officers.update(
      officer,
      event.id,
      aForm({ start: '2027-02-11T18:00', end: '2027-02-11T20:00', venue: 'Online https://teams.microsoft.com/l/x' }),
      teams,
      0,
    );
    expect(moved).toMatchObject({
      changed: true,
      event: {
        sequence: 1,
        lastChanges: ['time', 'venue'],
        previousStartUtc: '2027-02-10T18:00:00.000Z',
        onlineUrl: 'https://teams.microsoft.com/l/x',
      },
    });
    const again = await officers.update(
      officer,
      event.id,
      aForm({ start: '2027-02-11T18:00', end: '2027-02-11T20:00', venue: 'Online https://teams.microsoft.com/l/x' }),
      teams,
      1,
    );
    expect(again).toMatchObject({ changed: false, event: { sequence: 1 } });
    expect((await rsvps.view(event.id, priya)).mine?.response).toBe('going');
  });

  it('refuses an update from a stale card and says so', async () => {
    const { officers } = await eventsRig();
    const { event } = await officers.create(officer, aForm(), teams);
    await officers.update(officer, event.id, aForm({ title: 'Awards evening' }), teams, 0);
    await expect(officers.update(officer, event.id, aForm({ title: 'Other' }), teams, 0)).rejects.toMatchObject({
      code: 'conflict',
      userMessage: expect.stringContaining('Someone else changed this event'),
    });
  });

  it('cancels (kept, with its RSVPs), twice harmlessly, and then refuses updates', async () => {
    const { officers, rsvps, invitations, repository, clock } = await eventsRig();
    const { event } = await officers.create(officer, aForm(), teams);
    await invitations.record(event.id, [priya]);
    await rsvps.respond(event.id, priya, 'maybe');
    clock.advance({ days: 1 });
    const cancelled = await officers.cancel(officer, event.id, 0);
    expect(cancelled).toMatchObject({
      changed: true,
      event: { status: 'cancelled', sequence: 1, cancelledAt: '2027-01-06T09:00:00.000Z' },
    });
    expect(await officers.cancel(officer, event.id, 0)).toMatchObject({ changed: false });
    await expect(officers.update(officer, event.id, aForm(), teams)).rejects.toMatchObject({ code: 'conflict' });
    expect((await repository.get(event.id))?.event.status).toBe('cancelled');
    expect((await rsvps.attendees(officer, event.id)).names.maybe).toEqual(['Cllr Priya Shah']);
    await expect(officers.cancel(member, event.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(officers.cancel(officer, 'ev-000000000000000000000000')).rejects.toMatchObject({ code: 'not_found' });
    await expect(officers.get(officer, 'not an id')).rejects.toMatchObject({ code: 'not_found' });
  });
});
