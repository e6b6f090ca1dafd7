import { renderMeetingCard } from '../../../src/features/meetings/teams/meeting-card';
import { renderMeetingFormCard } from '../../../src/features/meetings/teams/meeting-form-card';
import { renderMeetingListCard } from '../../../src/features/meetings/teams/meeting-list-card';
import { meetingAnswerCard, meetingCard, meetingFormCard, meetingListCard } from '../../../src/features/meetings/teams/meeting-cards';
import { MeetingFormError, emptyFormValues } from '../../../src/features/meetings/officer-meetings';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { aMeeting } from './meeting-fixtures';

const nowUtc = '2026-01-05T09:00:00.000Z';
const calendarUrlFor = (id: string) => `https://cpp-bot.example/calendar/meetings/${id}.ics`;
const member = { nowUtc, calendarUrlFor, viewerIsOfficer: false };
const officer = { ...member, viewerIsOfficer: true };

const published = aMeeting({
  sourceId: '9001',
  startUtc: '2026-01-20T10:00:00.000Z',
  endUtc: '2026-01-20T12:30:00.000Z',
  agenda: {
    published: true,
    url: 'https://democracy.kent.gov.uk/ieListDocuments.aspx?CId=693&MId=9001',
    items: [
      { number: '1.', title: 'Membership' },
      { number: '2.', title: "Children's Services update" },
    ],
  },
  documents: [
    {
      title: 'Challenge cards report (Q3)',
      url: 'https://democracy.kent.gov.uk/documents/s90102/Challenge cards (Q3).pdf',
      publishedOn: '2026-01-09',
    },
  ],
});
const cancelled = aMeeting({ sourceId: '9003', startUtc: '2026-05-12T09:00:00.000Z', status: 'cancelled', cancelledReason: 'source' });
const vanished = aMeeting({ sourceId: '9009', startUtc: '2026-06-12T09:00:00.000Z', status: 'cancelled', cancelledReason: 'vanished' });
const moved = aMeeting({
  sourceId: '9002',
  startUtc: '2026-03-17T14:00:00.000Z',
  status: 'moved',
  previousStartUtc: '2026-03-10T14:00:00.000Z',
});
const officerMade = aMeeting({
  source: 'officer',
  sourceId: 'f7d6',
  startUtc: '2026-02-03T14:00:00.000Z',
  endUtc: '2026-02-03T15:00:00.000Z',
  venue: undefined,
  notes: 'Informal briefing *before* the panel',
  sequence: 2,
});
const allDay = aMeeting({ source: 'ical', sourceId: 'awards', startUtc: '2026-06-23T23:00:00.000Z', allDay: true, title: 'Awards' });

const fixtures: Record<string, () => object> = {
  'meeting: published agenda, member': () => meetingCard(published, { ...member, heading: 'The next panel meeting' }),
  'meeting: cancelled': () => meetingCard(cancelled, officer),
  'meeting: vanished': () => meetingCard(vanished, member),
  'meeting: moved': () => meetingCard(moved, member),
  'meeting: officer-made, officer view': () => meetingCard(officerMade, officer),
  'meeting: all day, no calendar link': () => meetingCard(allDay, { nowUtc, viewerIsOfficer: false }),
  'answer: next with notices': () =>
    meetingAnswerCard(
      {
        kind: 'meeting',
        heading: 'Agenda for the next panel meeting',
        focus: 'agenda',
        meeting: moved,
        cancelledBefore: [cancelled],
        agendaDueBy: 'Monday 9 March 2026',
      },
      member,
    ),
  'answer: list': () =>
    meetingAnswerCard({ kind: 'list', heading: 'Upcoming panel meetings', meetings: [published, moved, cancelled, allDay] }, member),
  'answer: none': () => meetingAnswerCard({ kind: 'none', text: 'No panel meetings are scheduled in March 2027' }, member),
  'list: with calendar link': () =>
    meetingListCard('Panel meetings in 2026', [published], {
      calendarUrl: 'https://cpp-bot.example/calendar/meetings.ics',
      note: 'Times are UK time.',
    }),
  'list: empty': () => renderMeetingListCard({ heading: 'Nothing', items: [], note: '', calendarUrl: '' }),
  'form: new': () => meetingFormCard(),
  'form: edit': () => meetingFormCard({ meeting: officerMade }),
  'form: with errors': () =>
    meetingFormCard({
      error: new MeetingFormError(
        {
          title: 'Enter a title',
          agendaUrl: 'The agenda link must be a full https:// address',
          endTime: 'The end must be after the start',
        },
        { ...emptyFormValues(), startDate: '2026-02-03', startTime: '14:00', agendaUrl: 'http://x' },
      ),
    }),
};

describe('meeting card templates', () => {
  it.each(Object.keys(fixtures))('%s renders to a valid Adaptive Card 1.5 with nothing left unexpanded', (name) => {
    expect(adaptiveCardProblems(fixtures[name]!())).toEqual([]);
  });

  it('a scheduled meeting: when in London, venue, agenda and papers links, calendar and apologies buttons', () => {
    const json = JSON.stringify(meetingCard(published, member));
    expect(json).toContain('Tuesday 20 January 2026, 10:00am');
    expect(json).toContain('12:30pm');
    expect(json).toContain('Darent Room, Sessions House, County Hall, Maidstone');
    expect(json).toContain('"title":"Open the agenda","url":"https://democracy.kent.gov.uk/ieListDocuments.aspx?CId=693&MId=9001"');
    expect(json).toContain('Challenge%20cards%20%28Q3%29.pdf');
    expect(json).toContain(`"title":"Add to my calendar","url":"${calendarUrlFor(published.id)}"`);
    expect(json).toContain(`"verb":"meeting.apologies","data":{"meetingId":"${published.id}"}`);
    expect(json).not.toContain('meeting.edit');
    expect(json).not.toContain('CANCELLED');
  });

  it('cancelled is loud, with no calendar, apologies or officer buttons', () => {
    const card = meetingCard(cancelled, officer) as unknown as {
      body: { style?: string; items?: { text?: string }[] }[];
      actions: unknown[];
    };
    const banner = card.body.find((element) => element.style === 'attention');
    expect(banner?.items?.[0]?.text).toBe('CANCELLED');
    expect(card.actions).toEqual([]);
    expect(JSON.stringify(meetingCard(vanished, member))).toContain('no longer listed in ModernGov');
  });

  it('moved is loud and says from when', () => {
    const json = JSON.stringify(meetingCard(moved, member));
    expect(json).toContain('"text":"MOVED"');
    expect(json).toContain('Moved from Tuesday 10 March 2026, 2:00pm.');
  });

  it('officers get Edit and a confirming Cancel on meetings officers made, carrying the sequence', () => {
    const json = JSON.stringify(meetingCard(officerMade, officer));
    expect(json).toContain(`"verb":"meeting.edit","data":{"meetingId":"${officerMade.id}"}`);
    expect(json).toContain(`"verb":"meeting.cancel","data":{"meetingId":"${officerMade.id}","sequence":2}`);
    expect(json).toContain('To be confirmed');
    expect(json).toContain('Informal briefing \\\\*before\\\\* the panel');
    expect(JSON.stringify(meetingCard(published, officer))).not.toContain('meeting.edit');
    expect(JSON.stringify(meetingCard(officerMade, member))).not.toContain('meeting.edit');
  });

  it('a past meeting offers no apologies', () => {
    expect(JSON.stringify(meetingCard(published, { ...member, nowUtc: '2026-02-01T00:00:00.000Z' }))).not.toContain('meeting.apologies');
  });

  it('the list shows status labels and opens a meeting with meeting.show', () => {
    const json = JSON.stringify(meetingListCard('Upcoming', [moved, cancelled]));
    expect(json).toContain('"text":"MOVED"');
    expect(json).toContain('"text":"CANCELLED"');
    expect(json).toContain(`"verb":"meeting.show","data":{"meetingId":"${moved.id}"}`);
  });

  it('the none answer is the plain sentence', () => {
    expect(JSON.stringify(meetingAnswerCard({ kind: 'none', text: 'No panel meetings are scheduled in March 2027' }, member))).toContain(
      'No panel meetings are scheduled in March 2027',
    );
  });

  it('the form: new submits meeting.save with its own form id and no meeting id; edit carries id and sequence and prefills London times', () => {
    const blank = JSON.stringify(meetingFormCard());
    expect(blank).toMatch(/"verb":"meeting.save","associatedInputs":"auto","data":\{"formId":"[0-9a-f-]{36}"\}/);
    expect(JSON.stringify(meetingFormCard({ formId: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e' }))).toContain(
      '"data":{"formId":"3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e"}',
    );
    const edit = JSON.stringify(meetingFormCard({ meeting: officerMade }));
    expect(edit).toContain(`"data":{"meetingId":"${officerMade.id}","sequence":2}`);
    expect(edit).toContain('"id":"startDate","label":"Date","isRequired":true,"errorMessage":"Choose a date","value":"2026-02-03"');
    expect(edit).toContain('"value":"14:00"');
  });

  it('the form shows each validation error beside its field and keeps what was typed', () => {
    const json = JSON.stringify(fixtures['form: with errors']!());
    expect(json).toContain('Please correct the highlighted fields.');
    expect(json).toContain('"text":"Enter a title"');
    expect(json).toContain('"text":"The agenda link must be a full https:// address"');
    expect(json).toContain('"text":"The end must be after the start"');
    expect(json).toContain('"value":"http://x"');
    expect(json).not.toContain('"text":"Choose a start time"');
  });

  it('render functions take data as it is: template syntax inside data is not expanded', () => {
    const json = JSON.stringify(
      renderMeetingFormCard({
        heading: 'h',
        meetingId: '',
        formId: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
        sequence: 0,
        values: { ...emptyFormValues(), title: '${heading}' },
        errors: emptyFormValues(),
        message: '',
      }),
    );
    expect(json).toContain('"value":"${heading}"');
    const card = renderMeetingCard({
      meetingId: 'mg-0',
      sequence: 0,
      heading: '',
      committee: 'c',
      title: 't',
      when: 'w',
      until: '',
      venue: 'v',
      status: 'scheduled',
      statusText: '',
      notices: [],
      agendaText: 'a',
      agendaUrl: '',
      agendaItems: [],
      papers: [],
      minutesUrl: '',
      notes: '',
      calendarUrl: '',
      canSendApologies: false,
      officerActions: false,
      checkInOpen: false,
      recordAttendance: false,
    }) as unknown as { actions: unknown[] };
    expect(card.actions).toEqual([]);
  });
});
