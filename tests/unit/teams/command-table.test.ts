import { CommandTable, normaliseCommandText } from '../../../src/platform/teams/command-table';
import { VerbTable } from '../../../src/platform/teams/verb-table';
import { noticeCard } from '../../../src/shared/cards/notice-card';
import { type Feature, type TextCommand, cardAction } from '../../../src/shared/feature';
import { z } from 'zod';

const reply = async () => noticeCard('ok', 'ok');

function command(name: string, spec: Pick<TextCommand, 'phrases' | 'patterns'>): TextCommand {
  return { name, access: 'help.use', ...spec, run: reply };
}

describe('CommandTable', () => {
  const features: Feature[] = [
    {
      name: 'a',
      commands: [command('stop', { phrases: ['stop reminders'] }), command('attendees', { patterns: [/^attendees for (.+)$/] })],
    },
    {
      name: 'b',
      commands: [command('help', { phrases: ['', 'help'] })],
      freeText: { access: 'meetings.read', accepts: (text) => text.includes('meeting'), run: reply },
    },
    { name: 'c', freeText: { access: 'remit.ask', accepts: () => true, run: reply } },
  ];
  const table = new CommandTable(features);

  it('matches whole phrases whatever the case, spacing and closing punctuation', () => {
    expect(table.route('  Stop   Reminders!! ')?.command.name).toBe('stop');
    expect(table.route('?')?.command.name).toBe('help');
    expect(normaliseCommandText('Help!?')).toBe('help');
  });

  it('hands a pattern its match', () => {
    const routed = table.route('Attendees for the Awards evening');
    expect(routed?.command.name).toBe('attendees');
    expect(routed?.input.match?.[1]).toBe('the awards evening');
    expect(routed?.input.text).toBe('Attendees for the Awards evening');
  });

  it('leaves anything else to the free-text routes, in registration order', () => {
    expect(table.route('help me understand recommendation 6')).toBeUndefined();
    // Every route that takes the text, first first: a route may pass it on (see FreeTextRoute.run).
    expect(table.freeTextRoutes('when is the next meeting')).toEqual([features[1]!.freeText, features[2]!.freeText]);
    expect(table.freeTextRoutes('who chairs the panel')).toEqual([features[2]!.freeText]);
  });

  it('refuses two features claiming one phrase, naming both commands', () => {
    expect(() => new CommandTable([...features, { name: 'd', commands: [command('halt', { phrases: ['Stop reminders'] })] }])).toThrow(
      /"Stop reminders" of halt is already stop's/,
    );
  });
});

describe('VerbTable', () => {
  const action = cardAction('help.use', z.object({ id: z.string() }), reply);

  it('finds registered verbs only, never inherited names', () => {
    const table = new VerbTable([{ name: 'a', verbs: { 'x.do': action } }]);
    expect(table.find('x.do')).toBe(action);
    expect(table.find('toString')).toBeUndefined();
    expect(table.find(42)).toBeUndefined();
  });

  it('refuses a verb registered twice', () => {
    expect(
      () =>
        new VerbTable([
          { name: 'a', verbs: { 'x.do': action } },
          { name: 'b', verbs: { 'x.do': action } },
        ]),
    ).toThrow(/verb x.do is registered twice/);
  });
});
