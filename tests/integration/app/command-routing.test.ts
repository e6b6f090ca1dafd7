import type { RunningApp } from '../../../src/app/app';
import { CommandTable } from '../../../src/platform/teams/command-table';
import { startTestApp } from '../../support/test-app';

/** The real features' registrations: which command each message reaches (the old parser's cases and more). */
describe('text commands registered by the features', () => {
  let app: RunningApp;
  let table: CommandTable;

  beforeAll(async () => {
    app = await startTestApp({}, { startWorkers: false });
    table = new CommandTable(app.composition.features);
  });
  afterAll(() => app.stop());

  it.each([
    ['help', 'help'],
    ['Help!', 'help'],
    ['?', 'help'],
    ['hello', 'greeting'],
    ['Hi there!', 'greeting'],
    ['good evening', 'greeting'],
    ['thanks', 'thanks'],
    ['OK, thank you very much.', 'thanks'],
    ['cheers', 'thanks'],
    ['Thank you so much, that was really helpful!', 'thanks'],
    ['brilliant, that’s exactly what I needed', 'thanks'],
    ['who are you?', 'help'],
    ['My role', 'my-role'],
    ['roles', 'roles'],
    ['roles Smith', 'roles'],
    ['manage roles', 'roles'],
    ['import panel members from Corporate Parenting Panel', 'import-members'],
    ['Import councillors from the team All Elected Members.', 'import-members'],
    ['import the panel from CPP', 'import-members'],
    ['audit log', 'audit-log'],
    ['Show the audit log.', 'audit-log'],
    ['feedback', 'feedback-report'],
    ['reminder opt-outs', 'reminder-opt-outs'],
    ['Stop reminders', 'reminders-off'],
    ['start reminders.', 'reminders-on'],
    ['My reminders?', 'my-reminders'],
    ['add meeting', 'add-meeting'],
    ['send apologies for the next meeting', 'send-apologies'],
    ['I would like to send my apologies', 'send-apologies'],
    ['apologies for the next meeting', 'list-apologies'],
    ['new event', 'new-event'],
    ['events', 'events'],
    ['my calendar link', 'calendar-link'],
    ['officers calendar link', 'officers-calendar-link'],
    ['stop bulletin', 'bulletin-off'],
    ['attendees for the awards evening', 'attendees'],
    ['new challenge', 'new-challenge'],
    ['my challenge cards', 'my-challenges'],
    ['challenge CC-2026-014', 'show-challenge'],
    ['challenge report for Q3 2026', 'challenge-report'],
    ['challenge cards overdue', 'list-challenges'],
    ['record attendance', 'record-attendance'],
    ["I'm here", 'check-in'],
    ['training due', 'training-due'],
    ['my training', 'my-training'],
    ['stop training reminders', 'training-reminders-off'],
    ['participation report for 2026', 'participation-report'],
    ['key figures', 'key-figures'],
    ['enter key figures for Q3 2026', 'enter-key-figures'],
    ['you said we did for 2026', 'you-said-we-did'],
    ['My data', 'my-data'],
    ['what do you know about me?', 'my-data'],
    ['privacy notice', 'privacy-notice'],
    ['export data of Priya Shah', 'export-data-of'],
    ['Export the personal data of 5b2f4e8a-1c3d-4e6f-8a9b-0c1d2e3f4a5b', 'export-data-of'],
    ['erase data of Priya Shah', 'erase-data-of'],
    ['delete all data of Cllr Martin Hughes', 'erase-data-of'],
    ['edit privacy notice', 'edit-privacy-notice'],
    ['purge old data', 'retention-purge'],
  ])('reads %p as %s', (text, name) => {
    expect(table.route(text)?.command.name).toBe(name);
  });

  it('treats anything that is not a whole command as a question: meetings first, then the knowledge base', () => {
    expect(table.route('help me understand recommendation 6')).toBeUndefined();
    // A command's words opening a question do not make it the command.
    expect(table.route('challenge cards - how long has Kent used them?')).toBeUndefined();
    expect(table.route('challenges faced by care leavers')).toBeUndefined();
    expect(table.route('apologies - who do I send them to if I cannot make the panel?')).toBeUndefined();
    expect(table.route('who is going to chair the next meeting?')).toBeUndefined();
    // Thanks with a question in it is a question; "OK" alone thanks nobody.
    expect(table.route('thanks - and who chairs the panel?')).toBeUndefined();
    expect(table.route('was the review helpful?')).toBeUndefined();
    expect(table.route('ok')).toBeUndefined();
    expect(table.route("who's going to the Awards Evening?")?.command.name).toBe('attendees');
    expect(table.route('who has sent apologies?')?.command.name).toBe('list-apologies');
    expect(table.route('challenge cards for the healthy area')?.command.name).toBe('list-challenges');
    const features = app.composition.features;
    const meetings = features.find((f) => f.name === 'meetings')?.freeText;
    const remit = features.find((f) => f.name === 'remit')?.freeText;
    expect(table.freeTextRoutes('when is the next meeting?')).toEqual([meetings, remit]);
    expect(table.freeTextRoutes('who is the panel accountable to?')).toEqual([remit]);
    // What a past meeting decided is in its minutes (the knowledge base), not the calendar.
    expect(table.freeTextRoutes('what was discussed at the March 2017 meeting')).toEqual([remit]);
  });

  it('"my reminders" tells a member whether meeting reminders are on for them', async () => {
    const id = '00000000-0000-0000-0000-0000000000c1';
    await app.services.members.recordSighting({ aadObjectId: id, name: 'Cllr Test', tenantId: 'tenant-1', teamsUserId: '29:1abc-test' });
    const sender = {
      aadObjectId: id,
      name: 'Cllr Test',
      tenantId: 'tenant-1',
      actor: async () => ({ aadObjectId: id, name: 'Cllr Test', tenantId: 'tenant-1', role: 'panel' as const }),
    };
    const routed = table.route('my reminders')!;
    expect(JSON.stringify(await routed.command.run(routed.input, sender))).toContain('Meeting reminders are **on**');
    await app.services.members.setRemindersOff(id, true);
    expect(JSON.stringify(await routed.command.run(routed.input, sender))).toContain('Meeting reminders are **off** for you');
  });

  it("gives the scheduler every feature's jobs and the server every download", () => {
    const jobs = app.composition.features.flatMap((feature) => Object.keys(feature.jobs ?? {}));
    expect(jobs).toEqual(
      expect.arrayContaining([
        'bulletin',
        'event-reminder',
        'challenge-nudges',
        'challenge-quarterly-report',
        'meeting-reminder',
        'meeting-cancelled',
        'retention-purge',
      ]),
    );
    const paths = app.composition.features.flatMap((feature) => (feature.downloads ?? []).map((download) => download.path));
    expect(paths.sort()).toEqual([
      '/calendar/:file',
      '/calendar/meetings/:file',
      '/events/:eventId/attendees.csv',
      '/events/:file',
      '/exports/challenges.csv',
      '/exports/challenges.docx',
      '/exports/officer-answers.yaml',
      '/exports/participation.docx',
      '/exports/you-said-we-did.docx',
      '/privacy/data/:file',
    ]);
  });
});
