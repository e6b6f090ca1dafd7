import { Duration } from 'luxon';
import {
  EventFormError,
  type EventFormContext,
  describeNotice,
  formValuesForEvent,
  parseLondonDateTime,
  parseMinNotice,
  validateEventForm,
} from '../../../src/features/events/domain/event-form';
import { FOURTEEN_DAYS, aForm, anEvent } from './event-fixtures';
import { teamsTeamId } from '../../support/teams-ids';

const CICC_TEAM = teamsTeamId('children-in-care-council');

const context: EventFormContext = {
  nowUtc: '2027-01-05T09:00:00.000Z',
  minNotice: FOURTEEN_DAYS,
  teams: [{ teamId: CICC_TEAM, teamName: 'Children in Care Council' }],
};

function formError(input: unknown, ctx: EventFormContext = context): EventFormError {
  try {
    validateEventForm(input, ctx);
  } catch (error) {
    if (error instanceof EventFormError) return error;
    throw error;
  }
  throw new Error('expected an EventFormError');
}

describe('validateEventForm', () => {
  it('turns a good form into UTC instants (GMT in February), the audience and the RSVP-by end of day', () => {
    expect(validateEventForm(aForm(), context)).toEqual({
      title: 'Virtual School Kent achievement awards',
      kind: 'achievement-awards',
      startUtc: '2027-02-10T18:00:00.000Z',
      endUtc: '2027-02-10T20:30:00.000Z',
      venue: 'Sessions House, County Hall, Maidstone',
      details: 'Celebrating the achievements of children in care and care leavers.',
      rsvpByUtc: '2027-02-04T00:00:00.000Z',
      audience: { kind: 'panel' },
      shortNotice: false,
    });
  });

  it('reads summer times as BST and accepts a space instead of T', () => {
    const form = validateEventForm(aForm({ start: '2027-07-14 10:00', end: '2027-07-14T15:00', rsvpBy: '2027-07-07T17:00' }), context);
    expect(form).toMatchObject({
      startUtc: '2027-07-14T09:00:00.000Z',
      endUtc: '2027-07-14T14:00:00.000Z',
      rsvpByUtc: '2027-07-07T16:00:00.000Z',
    });
  });

  it('moves a time in the spring gap forward and takes the first 01:30 in the autumn overlap', () => {
    expect(parseLondonDateTime('2027-03-28T01:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(parseLondonDateTime('2027-10-31T01:30')).toBe('2027-10-31T00:30:00.000Z');
    expect(parseLondonDateTime('2027-10-31T02:30')).toBe('2027-10-31T02:30:00.000Z');
    const overnight = validateEventForm(aForm({ start: '2027-10-30T22:00', end: '2027-10-31T02:00', rsvpBy: '' }), context);
    expect(overnight).toMatchObject({
      startUtc: '2027-10-30T21:00:00.000Z',
      endUtc: '2027-10-31T02:00:00.000Z',
      rsvpByUtc: '2027-10-30T21:00:00.000Z',
    });
  });

  it('names every missing required field at once and keeps what was typed', () => {
    const error = formError({ title: '  ', details: 'kept' });
    expect(error.fieldErrors).toMatchObject({
      title: 'Enter a title',
      kind: 'Choose the kind of event',
      start: 'Enter the start',
      end: 'Enter the end',
      venue: 'Enter a venue or an online link',
    });
    expect(error.values.details).toBe('kept');
    expect(error.values.audience).toBe('panel');
    expect(error.userMessage).toBe('Please correct the highlighted fields.');
  });

  it('refuses an end before the start, a start in the past, impossible dates and a week-long typo', () => {
    expect(formError(aForm({ end: '2027-02-10T17:00' })).fieldErrors).toEqual({ end: 'The end must be after the start' });
    expect(formError(aForm({ start: '2027-01-04T18:00', end: '2027-01-04T19:00', rsvpBy: '' })).fieldErrors.start).toBe(
      'The start must be in the future',
    );
    expect(formError(aForm({ start: '2027-02-30T18:00' })).fieldErrors.start).toBe('That date does not exist');
    expect(formError(aForm({ start: '2027-02-10T25:00' })).fieldErrors.start).toBe('That date does not exist');
    expect(formError(aForm({ end: '2027-02-20T18:00' })).fieldErrors.end).toBe('An event cannot last more than 7 days');
    expect(formError(aForm({ start: '10/02/2027 6pm' })).fieldErrors.start).toBe('Write the date and time like 2027-02-10T18:00');
  });

  it('bounds the sizes of text fields', () => {
    const error = formError(aForm({ title: 'x'.repeat(201), venue: 'v'.repeat(301), details: 'd'.repeat(4001) }));
    expect(error.fieldErrors).toEqual({
      title: 'The title must be at most 200 characters',
      venue: 'The venue must be at most 300 characters',
      details: 'The description must be at most 4000 characters',
    });
  });

  it('ignores fields that are not strings and truncates absurdly long ones before validating', () => {
    const error = formError(aForm({ title: { $ne: 1 }, details: 'd'.repeat(1_000_000) }));
    expect(error.values.title).toBe('');
    expect(error.values.details.length).toBe(4100);
  });

  it('checks the RSVP-by date: not after the start, not in the past; a date on the day of the event closes at the start', () => {
    expect(formError(aForm({ rsvpBy: '2027-02-11' })).fieldErrors.rsvpBy).toBe('Replies must close no later than the start');
    expect(formError(aForm({ rsvpBy: '2027-02-10T19:00' })).fieldErrors.rsvpBy).toBe('Replies must close no later than the start');
    expect(formError(aForm({ rsvpBy: '2027-01-04' })).fieldErrors.rsvpBy).toBe('The RSVP-by date must be in the future');
    expect(validateEventForm(aForm({ rsvpBy: '2027-02-10' }), context).rsvpByUtc).toBe('2027-02-10T18:00:00.000Z');
    expect(validateEventForm(aForm({ rsvpBy: '' }), context).rsvpByUtc).toBe('2027-02-10T18:00:00.000Z');
    // The end of 28 March 2027 (clocks went forward that morning) is 23:00 UTC.
    expect(validateEventForm(aForm({ start: '2027-04-10T10:00', end: '2027-04-10T12:00', rsvpBy: '2027-03-28' }), context).rsvpByUtc).toBe(
      '2027-03-28T23:00:00.000Z',
    );
  });

  it('resolves audiences: the panel by default, all councillors, officers, a Team by id with the name from the server, nothing else', () => {
    expect(validateEventForm(aForm({ audience: '' }), context).audience).toEqual({ kind: 'panel' });
    expect(validateEventForm(aForm({ audience: 'panel' }), context).audience).toEqual({ kind: 'panel' });
    expect(validateEventForm(aForm({ audience: 'councillors' }), context).audience).toEqual({ kind: 'councillors' });
    expect(validateEventForm(aForm({ audience: 'officers' }), context).audience).toEqual({ kind: 'officers' });
    // A form card sent before the audiences changed still works, meaning what it meant.
    expect(validateEventForm(aForm({ audience: 'all' }), context).audience).toEqual({ kind: 'panel' });
    expect(validateEventForm(aForm({ audience: 'role:officer' }), context).audience).toEqual({ kind: 'officers' });
    expect(validateEventForm(aForm({ audience: 'role:admin' }), context).audience).toEqual({ kind: 'officers' });
    expect(validateEventForm(aForm({ audience: `team:${CICC_TEAM}`, teamName: 'Spoofed' }), context).audience).toEqual({
      kind: 'team',
      teamId: CICC_TEAM,
      teamName: 'Children in Care Council',
    });
    expect(formError(aForm({ audience: `team:${teamsTeamId('other-team')}` })).fieldErrors.audience).toBe('Choose who to invite');
    expect(formError(aForm({ audience: 'role:member' })).fieldErrors.audience).toBe('Choose who to invite');
  });

  it('finds an online link in the venue and refuses plain http links', () => {
    expect(validateEventForm(aForm({ venue: 'Online: https://teams.microsoft.com/l/meetup-join/abc.' }), context).onlineUrl).toBe(
      'https://teams.microsoft.com/l/meetup-join/abc',
    );
    expect(validateEventForm(aForm(), context).onlineUrl).toBeUndefined();
    expect(formError(aForm({ venue: 'http://example.org/join' })).fieldErrors.venue).toBe('Online links must start with https://');
  });

  it('collapses line breaks in one-line fields but keeps them in the description', () => {
    const form = validateEventForm(aForm({ title: 'Awards\n\nevening', details: 'Line one\nLine two' }), context);
    expect(form.title).toBe('Awards evening');
    expect(form.details).toBe('Line one\nLine two');
  });
});

describe('adequate notice', () => {
  const soon = aForm({ start: '2027-01-12T18:00', end: '2027-01-12T20:00', rsvpBy: '' });

  it('asks for confirmation when the start is less than the minimum notice away, and shows the toggle', () => {
    const error = formError(soon);
    expect(error.needsShortNoticeConfirmation).toBe(true);
    expect(error.fieldErrors.confirmShortNotice).toBe(
      'This event is 7 days and 9 hours away, less than the 14 days notice members should get. Switch on "Send with short notice" to go ahead: the invitation will say it is short notice.',
    );
  });

  it('accepts it once confirmed (string or boolean) and flags the event', () => {
    expect(validateEventForm({ ...soon, confirmShortNotice: 'true' }, context).shortNotice).toBe(true);
    expect(validateEventForm({ ...soon, confirmShortNotice: true }, context).shortNotice).toBe(true);
  });

  it('counts notice in calendar days across the clock change, with the injected minimum', () => {
    const ctx = { ...context, nowUtc: '2027-03-20T12:00:00.000Z' };
    // 14 calendar days after 12:00 GMT on 20 March is 12:00 BST (11:00 UTC) on 3 April.
    expect(validateEventForm(aForm({ start: '2027-04-03T12:00', end: '2027-04-03T13:00', rsvpBy: '' }), ctx).shortNotice).toBe(false);
    expect(formError(aForm({ start: '2027-04-03T11:59', end: '2027-04-03T13:00', rsvpBy: '' }), ctx).needsShortNoticeConfirmation).toBe(
      true,
    );
    expect(validateEventForm(soon, { ...context, minNotice: Duration.fromISO('P3D') }).shortNotice).toBe(false);
  });

  it('does not ask again when an update keeps the start, and keeps the flag', () => {
    const current = anEvent({
      startUtc: '2027-01-12T18:00:00.000Z',
      endUtc: '2027-01-12T20:00:00.000Z',
      rsvpByUtc: '2027-01-12T18:00:00.000Z',
      shortNotice: true,
    });
    expect(validateEventForm({ ...soon, venue: 'Online: https://teams.microsoft.com/l/x' }, { ...context, current }).shortNotice).toBe(
      true,
    );
  });

  it('reads EVENT_MIN_NOTICE and describes it in words', () => {
    expect(describeNotice(parseMinNotice('P14D'))).toBe('14 days');
    expect(describeNotice(parseMinNotice('P2W'))).toBe('14 days');
    expect(describeNotice(parseMinNotice('PT36H'))).toBe('1 day and 12 hours');
    expect(describeNotice(parseMinNotice('P1D'))).toBe('1 day');
    expect(() => parseMinNotice('14 days')).toThrow('EVENT_MIN_NOTICE must be an ISO-8601 duration');
  });
});

describe('formValuesForEvent', () => {
  it('prefills London local times, and validating them again changes nothing', () => {
    const event = anEvent({
      startUtc: '2027-07-14T09:00:00.000Z',
      endUtc: '2027-07-14T14:00:00.000Z',
      rsvpByUtc: '2027-07-07T16:00:00.000Z',
      audience: { kind: 'officers' },
    });
    const values = formValuesForEvent(event);
    expect(values).toMatchObject({
      start: '2027-07-14T10:00',
      end: '2027-07-14T15:00',
      rsvpBy: '2027-07-07T17:00',
      audience: 'officers',
      kind: 'achievement-awards',
    });
    expect(validateEventForm(values, { ...context, current: event })).toMatchObject({
      startUtc: event.startUtc,
      endUtc: event.endUtc,
      rsvpByUtc: event.rsvpByUtc,
    });
  });
});
