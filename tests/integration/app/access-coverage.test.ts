import type { RunningApp } from '../../../src/app/app';
import type { Role } from '../../../src/shared/access/actor';
import { ACCESS_RULES, type Permission, type Registration, mayEnter, opensToEveryone, ruleOf } from '../../../src/shared/access/policy';
import { BotClient, teamsPerson } from '../../support/bot-client';
import { EmulatedConnector } from '../../support/emulated-connector';
import { seedRoles } from '../../support/seed-roles';
import { FIXTURE_TENANT_ID } from '../../support/teams-ids';
import { startTestApp } from '../../support/test-app';

/** What a person types to reach a command that has only patterns. */
const SAMPLES: Record<string, string> = {
  roles: 'roles',
  thanks: 'thanks',
  'import-members': 'import panel members from Corporate Parenting Panel',
  'send-apologies': 'send apologies',
  'list-apologies': 'apologies for the next meeting',
  attendees: 'attendees for the awards evening',
  'show-challenge': 'challenge CC-2026-001',
  'challenge-report': 'challenge report for 2026',
  'list-challenges': 'challenge cards overdue',
  'you-said-we-did': 'you said we did',
  'participation-report': 'participation report for 2026',
  'enter-key-figures': 'enter key figures',
  'export-data-of': 'export data of Priya Shah',
  'erase-data-of': 'erase data of Priya Shah',
};

/** The words a refusal carries in a card's or an invoke response's JSON. */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);

describe('every registration is in the access matrix, and the router enforces it', () => {
  let app: RunningApp;
  let connector: EmulatedConnector;
  let teams: BotClient;

  beforeAll(async () => {
    connector = new EmulatedConnector({ conversationWindows: [] });
    await connector.start();
    app = await startTestApp({ ALLOWED_TENANT_IDS: FIXTURE_TENANT_ID }, { startWorkers: false });
    teams = new BotClient(app, connector);
  });
  afterAll(async () => {
    await app?.stop();
    await connector?.stop();
  });

  const registrations = () => {
    const found: { registration: Registration; access?: Permission }[] = [];
    for (const feature of app.composition.features) {
      for (const command of feature.commands ?? []) found.push({ registration: `command:${command.name}`, access: command.access });
      for (const [verb, action] of Object.entries(feature.verbs ?? {})) found.push({ registration: `verb:${verb}`, access: action.access });
      for (const download of feature.downloads ?? []) found.push({ registration: `download:${download.path}`, access: download.access });
      if (feature.freeText) found.push({ registration: `text:${feature.name}`, access: feature.freeText.access });
      for (const kind of Object.keys(feature.jobs ?? {})) found.push({ registration: `job:${kind}` });
    }
    return found;
  };

  it('names every command, verb, download, free-text route and job in exactly one row, the row it declares', () => {
    const covering = new Map<Registration, Permission[]>();
    for (const [permission, rule] of Object.entries(ACCESS_RULES) as [Permission, (typeof ACCESS_RULES)[Permission]][])
      for (const registration of rule.covers) covering.set(registration, [...(covering.get(registration) ?? []), permission]);
    for (const { registration, access } of registrations()) {
      expect([registration, covering.get(registration)]).toEqual([registration, [access ?? expect.any(String)]]);
      if (registration.startsWith('job:')) expect(ruleOf(covering.get(registration)![0]!).system).toBe(true);
    }
  });

  it('lists nothing in the matrix that no feature registers', () => {
    const registered = new Set(registrations().map((entry) => entry.registration));
    const listed = Object.values(ACCESS_RULES).flatMap((rule) => rule.covers);
    expect(listed.filter((registration) => !registered.has(registration))).toEqual([]);
  });

  it.each<Role>(['guest', 'panel'])(
    'refuses a %s, before anything runs, every command and verb the matrix does not allow them',
    async (role) => {
      const person = teamsPerson(`walk-${role}`, `Walk ${role}`);
      if (role !== 'guest') await seedRoles(app, [{ aadObjectId: person.aadObjectId, role }]);
      const subject = { aadObjectId: person.aadObjectId, role };
      let refusedCount = 0;
      for (const feature of app.composition.features) {
        for (const command of feature.commands ?? []) {
          const text = command.phrases?.find((phrase) => phrase.length > 0) ?? SAMPLES[command.name];
          expect([command.name, text]).toEqual([command.name, expect.any(String)]); // a new pattern-only command needs a sample above
          const reply = await teams.say(person, text!);
          const refusal = ruleOf(command.access).refusal;
          const refused = !opensToEveryone(command.access) && !mayEnter(subject, command.access);
          if (refused) refusedCount++;
          expect([command.name, refused && reply.includes(inJson(refusal))]).toEqual([command.name, refused]);
        }
        for (const [verb, action] of Object.entries(feature.verbs ?? {})) {
          const answer = await teams.invoke(person, verb, {});
          const refused = !opensToEveryone(action.access) && !mayEnter(subject, action.access);
          const rule = ruleOf(action.access);
          if (refused)
            expect([verb, answer]).toEqual([
              verb,
              {
                statusCode: rule.hides ? 404 : 403,
                type: 'application/vnd.microsoft.error',
                value: { code: rule.hides ? 'not_found' : 'forbidden', message: rule.refusal },
              },
            ]);
          else expect([verb, JSON.stringify(answer).includes(inJson(rule.refusal || '\u0000'))]).toEqual([verb, false]);
        }
      }
      expect(refusedCount).toBeGreaterThan(role === 'guest' ? 30 : 15);
    },
  );
});
