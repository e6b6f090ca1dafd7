import type { BatchProgress } from '../../../src/platform/delivery/delivery-progress';
import { calendarLinkCard } from '../../../src/features/calendar/teams/calendar-cards';
import {
  eventAttendeesCard,
  eventFormCard,
  eventInvitationCard,
  eventInvitationCardData,
  eventStatusCard,
  eventStatusCardData,
} from '../../../src/features/events/teams/event-cards';
import { EventFormError, eventFormValuesOf, validateEventForm } from '../../../src/features/events/domain/event-form';
import { namesByResponse } from '../../../src/features/events/domain/rsvp';
import { DomainError } from '../../../src/shared/errors/domain-error';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { FOURTEEN_DAYS, aForm, anEvent } from './event-fixtures';
import { teamsTeamId, teamsUserId } from '../../support/teams-ids';

const nowUtc = '2027-01-20T09:00:00.000Z';
const teams = [{ teamId: teamsTeamId('children-in-care-council'), teamName: 'Children in Care Council' }];
const awards = anEvent({
  venue: 'Online: https://teams.microsoft.com/l/meetup-join/abc',
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
});
const cancelled = anEvent({ status: 'cancelled', cancelledAt: '2027-01-25T10:00:00.000Z', sequence: 2 });
const moved = anEvent({ sequence: 1, lastChanges: ['time', 'venue'], previousStartUtc: '2027-02-09T18:00:00.000Z', shortNotice: true });
const progress: BatchProgress = {
  batchId: 'event:x:v0',
  queued: 45,
  sent: 40,
  failed: 3,
  pending: 2,
  retrying: 1,
  failures: { no_conversation_reference: 2, blocked_by_user: 1 },
};
const mine = {
  eventId: awards.id,
  aadObjectId: 'a',
  name: 'Cllr A',
  response: 'maybe' as const,
  respondedAtUtc: nowUtc,
  firstRespondedAtUtc: nowUtc,
};
const totals = { going: 12, maybe: 3, not_going: 4 };
const shortNoticeError = (() => {
  try {
    validateEventForm(aForm({ start: '2027-01-25T18:00', end: '2027-01-25T20:00', rsvpBy: '' }), {
      nowUtc,
      minNotice: FOURTEEN_DAYS,
      teams,
    });
  } catch (error) {
    return error;
  }
  throw new Error('expected a short-notice error');
})();

const fixtures: Record<string, () => object> = {
  'form: new': () => eventFormCard({ teams, minNotice: FOURTEEN_DAYS }),
  'form: update, team audience the bot has left': () =>
    eventFormCard({
      teams: [],
      minNotice: FOURTEEN_DAYS,
      event: anEvent({ audience: { kind: 'team', teamId: teamsTeamId('old-team'), teamName: 'Old team' } }),
    }),
  'form: errors': () =>
    eventFormCard({
      teams,
      minNotice: FOURTEEN_DAYS,
      error: new EventFormError({ title: 'Enter a title', end: 'The end must be after the start' }, eventFormValuesOf({})),
    }),
  'form: short notice': () => eventFormCard({ teams, minNotice: FOURTEEN_DAYS, error: shortNoticeError }),
  'form: conflict': () =>
    eventFormCard({
      teams,
      minNotice: FOURTEEN_DAYS,
      event: awards,
      error: new DomainError('conflict', 'Someone else changed this event.'),
    }),
  'invitation: first send': () => eventInvitationCard(awards, { nowUtc, calendarUrl: 'https://cpp.example/calendar/events/x.ics' }),
  'invitation: answered, with refresh': () =>
    eventInvitationCard(awards, {
      nowUtc,
      mine,
      totals,
      refreshUserIds: [teamsUserId('1abc')],
      heading: 'Thank you: your reply is recorded',
    }),
  'invitation: updated, short notice': () => eventInvitationCard(moved, { nowUtc }),
  'invitation: cancelled': () => eventInvitationCard(cancelled, { nowUtc, mine, totals }),
  'invitation: replies closed': () => eventInvitationCard(awards, { nowUtc: '2027-02-05T09:00:00.000Z', mine, totals }),
  'status: sending': () =>
    eventStatusCard(awards, {
      progress,
      totals,
      noAnswer: 26,
      csvUrl: 'https://cpp.example/events/x/attendees.csv',
      heading: 'Event created',
    }),
  'status: nothing queued yet': () => eventStatusCard(moved, { totals: { going: 0, maybe: 0, not_going: 0 }, noAnswer: 0 }),
  'status: cancelled': () => eventStatusCard(cancelled, { progress, progressLabel: 'Cancellation notices', totals, noAnswer: 0 }),
  attendees: () =>
    eventAttendeesCard(
      { event: awards, rsvps: [], names: namesByResponse([mine]), totals, invited: 45, noAnswer: 26 },
      { csvUrl: 'https://cpp.example/x.csv' },
    ),
  'attendees: cancelled, nobody': () =>
    eventAttendeesCard({ event: cancelled, rsvps: [], names: namesByResponse([]), totals, invited: 1, noAnswer: 1 }),
  'calendar link: new': () => calendarLinkCard({ url: 'https://cpp.example/calendar/feed/abc.ics', officer: false }),
  'calendar link: new, officer': () => calendarLinkCard({ url: 'https://cpp.example/calendar/feed/abc.ics', officer: true }),
  'calendar link: already has one': () => calendarLinkCard({ officer: true }),
};

describe('every event card', () => {
  it.each(Object.keys(fixtures))('%s renders to a valid Adaptive Card 1.5 with nothing left unexpanded', (name) => {
    expect(adaptiveCardProblems(fixtures[name]!())).toEqual([]);
  });
});

function actions(card: object): { type: string; verb?: string; title: string; data?: unknown; url?: string }[] {
  const found: { type: string; verb?: string; title: string; data?: unknown; url?: string }[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    if (
      value &&
      typeof value === 'object' &&
      typeof (value as { type?: unknown }).type === 'string' &&
      String((value as { type: string }).type).startsWith('Action.')
    )
      found.push(value as (typeof found)[number]);
    return value;
  });
  return found;
}

describe('event form card', () => {
  it('submits event.create for a new event with the exact field ids, and event.update with the id and version', () => {
    const card = eventFormCard({ teams, minNotice: FOURTEEN_DAYS });
    const json = JSON.stringify(card);
    for (const id of ['title', 'kind', 'start', 'end', 'venue', 'details', 'rsvpBy', 'audience']) expect(json).toContain(`"id":"${id}"`);
    expect(json).not.toContain('"id":"confirmShortNotice"');
    expect(actions(card)).toEqual([
      expect.objectContaining({ verb: 'event.create', data: { formId: expect.stringMatching(/^[0-9a-f-]{36}$/) } }),
    ]);
    expect(json).toContain(`"value":"team:${teamsTeamId('children-in-care-council')}"`);
    const update = eventFormCard({ teams, minNotice: FOURTEEN_DAYS, event: moved });
    expect(actions(update)).toEqual([expect.objectContaining({ verb: 'event.update', data: { eventId: moved.id, sequence: 1 } })]);
    expect(JSON.stringify(update)).toContain('"value":"2027-02-10T18:00"');
  });

  it('shows the short-notice toggle with its reason only when needed', () => {
    const json = JSON.stringify(eventFormCard({ teams, minNotice: FOURTEEN_DAYS, error: shortNoticeError }));
    expect(json).toContain('"id":"confirmShortNotice"');
    expect(json).toContain('less than the 14 days notice');
    expect(json).toContain('"value":"2027-01-25T18:00"');
  });

  it('keeps a team the bot has left selectable on its own event', () => {
    expect(JSON.stringify(fixtures['form: update, team audience the bot has left']!())).toContain(
      `"title":"Members of Old team","value":"team:${teamsTeamId('old-team')}"`,
    );
  });
});

describe('invitation card', () => {
  it("offers Going / Maybe / Can't go as event.rsvp with the event id, Add to my calendar and Join online", () => {
    const card = eventInvitationCard(awards, { nowUtc, calendarUrl: 'https://cpp.example/calendar/events/x.ics' });
    expect(actions(card)).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'event.rsvp',
        title: 'Going',
        data: { eventId: awards.id, response: 'going' },
      }),
      expect.objectContaining({ verb: 'event.rsvp', title: 'Maybe', data: { eventId: awards.id, response: 'maybe' } }),
      expect.objectContaining({ verb: 'event.rsvp', title: "Can't go", data: { eventId: awards.id, response: 'not_going' } }),
      expect.objectContaining({ type: 'Action.OpenUrl', title: 'Add to my calendar', url: 'https://cpp.example/calendar/events/x.ics' }),
      expect.objectContaining({ type: 'Action.OpenUrl', title: 'Join online', url: 'https://teams.microsoft.com/l/meetup-join/abc' }),
    ]);
    expect(card).not.toHaveProperty('refresh');
    expect(JSON.stringify(card)).not.toContain('Going: ');
    expect(eventInvitationCardData(awards, { nowUtc }).rsvpByText).toBe('Please reply by the end of Wednesday 3 February 2027.');
  });

  it("ticks the member's own answer, shows totals and refreshes itself for the listed users", () => {
    const card = eventInvitationCard(awards, { nowUtc, mine, totals, refreshUserIds: [teamsUserId('1abc')] });
    expect(actions(card).map((a) => a.title)).toContain('✓ Maybe');
    const json = JSON.stringify(card);
    expect(json).toContain('You said: Maybe.');
    expect(json).toContain("Going: 12 · Maybe: 3 · Can't go: 4");
    expect(card).toMatchObject({
      refresh: {
        action: { type: 'Action.Execute', verb: 'event.invitation', data: { eventId: awards.id } },
        userIds: [teamsUserId('1abc')],
      },
    });
  });

  it('says loudly what an update changed and that it is short notice', () => {
    const data = eventInvitationCardData(moved, { nowUtc });
    expect(data).toMatchObject({
      updated: true,
      shortNotice: true,
      statusText: 'Changed: time, venue. It was Tuesday 9 February 2027, 6:00pm. Your reply still stands; change it below if you need to.',
    });
  });

  it('has no RSVP buttons once cancelled or past the RSVP-by date, and says why', () => {
    const gone = eventInvitationCard(cancelled, { nowUtc, mine, totals });
    expect(actions(gone)).toEqual([]);
    expect(JSON.stringify(gone)).toContain('CANCELLED');
    const late = eventInvitationCardData(awards, { nowUtc: '2027-02-05T09:00:00.000Z' });
    expect(late).toMatchObject({ rsvpOpen: false, closedText: 'Replies closed on Thursday 4 February 2027, 12:00am.' });
  });

  it('shows text typed by people literally: no markdown, no mentions, no template expansion', () => {
    const hostile = anEvent({
      title: '[Click](https://evil.example) **now** <at>Everyone</at>',
      venue: '# Room ${title}',
      details: '- item\n1. list',
    });
    const data = eventInvitationCardData(hostile, { nowUtc });
    expect(data.title).toBe('\\[Click](https://evil.example) \\*\\*now\\*\\* \\<at>Everyone\\</at>');
    expect(data.details).toBe('\\- item\n1\\. list');
    expect(JSON.stringify(eventInvitationCard(hostile, { nowUtc }))).toContain('\\\\# Room ${title}'); // the card is expanded once, on the server: text never re-expands
  });
});

describe('officer status card', () => {
  it('shows delivery progress with failure reasons and RSVP totals, with Update / Cancel / Attendees / Export CSV', () => {
    const data = eventStatusCardData(awards, { progress, totals, noAnswer: 26, csvUrl: 'https://cpp.example/x.csv' });
    expect(data.progressText).toBe('Invitations: 40 of 45 sent, 2 waiting, 3 failed.');
    expect(data.failures).toEqual([{ text: 'Failed, has not installed the bot: 2' }, { text: 'Failed, blocked the bot: 1' }]);
    expect(data.totals).toEqual({ going: 12, maybe: 3, notGoing: 4, noAnswer: 26 });
    const card = eventStatusCard(awards, { progress, totals, noAnswer: 26, csvUrl: 'https://cpp.example/x.csv' });
    expect(actions(card).map((a) => [a.title, a.verb ?? a.url, a.data])).toEqual([
      ['Refresh', 'event.status', { eventId: awards.id }],
      ['Attendees', 'event.attendees', { eventId: awards.id }],
      ['Export CSV', 'https://cpp.example/x.csv', undefined],
      ['Update', 'event.edit', { eventId: awards.id }],
      ['Cancel event', undefined, undefined],
      ['Yes, cancel the event', 'event.cancel', { eventId: awards.id, sequence: 0 }],
    ]);
  });

  it('offers no Update or Cancel once cancelled', () => {
    expect(actions(eventStatusCard(cancelled, { totals, noAnswer: 0 })).map((a) => a.verb)).toEqual(['event.status', 'event.attendees']);
  });
});

describe('attendees and calendar link cards', () => {
  it('lists names by answer and how many have not replied', () => {
    const json = JSON.stringify(fixtures.attendees!());
    expect(json).toContain('"text":"Maybe (1)"');
    expect(json).toContain('"text":"Cllr A"');
    expect(json).toContain('26 of 45 invited members have not replied.');
  });

  it('shows a new link once, and otherwise offers a new one via calendar.link', () => {
    const again = calendarLinkCard({ officer: false });
    expect(actions(again)).toEqual([expect.objectContaining({ verb: 'calendar.link', data: { scope: 'member', rotate: true } })]);
    expect(JSON.stringify(calendarLinkCard({ officer: true, url: 'https://cpp.example/feed.ics' }))).toContain('every participation event');
    expect(JSON.stringify(calendarLinkCard({ officer: false, url: 'https://cpp.example/feed.ics' }))).toContain(
      'events you are invited to',
    );
    expect(actions(calendarLinkCard({ officer: false, url: 'https://cpp.example/feed.ics' }))[0]).toMatchObject({
      type: 'Action.OpenUrl',
      url: 'https://cpp.example/feed.ics',
    });
  });
});
