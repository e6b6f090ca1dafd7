import { z } from 'zod';
import { type Feature, cardAction, linkRefused } from '../../../shared/feature';
import type { ChallengeDesk } from '../challenge-desk';
import { LIST_COMMAND } from '../domain/challenge-list-filter';
import type { YouSaidWeDidDesk } from '../you-said-we-did-desk';

// The desk validates the fields (and the card's reference and version) itself.
const anyData = z.looseObject({});
const reference = z.object({ reference: z.string().min(1).max(40) });

/**
 * Challenge cards: raised by officers for the children's councils, answered on the card, reported
 * (with a Word report), and summed up each year for the young people ("You said, we did").
 */
export function challengesFeature(desk: ChallengeDesk, youSaidWeDid: YouSaidWeDidDesk): Feature {
  return {
    name: 'challenges',
    commands: [
      {
        name: 'new-challenge',
        access: 'challenges.create',
        phrases: ['new challenge', 'new challenge card'],
        help: { title: 'new challenge', detail: "Record a challenge from a children's council and assign it.", role: 'officer' },
        run: async (_input, sender) => desk.newForm(await sender.actor()),
      },
      {
        name: 'my-challenges',
        access: 'challenges.mine',
        phrases: ['my challenge cards', 'my challenges'],
        run: async (_input, sender) => desk.listMine(await sender.actor()),
      },
      {
        name: 'show-challenge',
        access: 'challenges.view',
        patterns: [/^(?:challenge|challenge card|show)\s+(cc-\d{4}-\d{3,})$/],
        run: async (input, sender) => desk.show(await sender.actor(), (input.match?.[1] ?? '').toUpperCase()),
      },
      {
        name: 'challenge-report',
        access: 'challenges.report',
        patterns: [/^challenge report\b/],
        run: async (input, sender) => desk.report(await sender.actor(), input.normalised),
      },
      {
        name: 'list-challenges',
        access: 'challenges.list',
        patterns: [LIST_COMMAND],
        help: { title: 'challenge cards overdue', detail: 'List challenge cards (also by status or priority area).', role: 'officer' },
        run: async (input, sender) => desk.list(await sender.actor(), { text: (input.match?.[1] ?? '').trim() }),
      },
      {
        name: 'you-said-we-did',
        access: 'youSaidWeDid.prepare',
        patterns: [/^you said,? we did\b/],
        help: {
          title: 'you said we did',
          detail: "The year's closed challenges for the children's councils, to edit and send.",
          role: 'officer',
        },
        run: async (input, sender) => youSaidWeDid.show(await sender.actor(), input.normalised),
      },
    ],
    verbs: {
      'challenge.create': cardAction('challenges.create', anyData, async (data, sender) => desk.create(await sender.actor(), data)),
      'challenge.respond': cardAction('challenges.respond', anyData, async (data, sender) => desk.respond(await sender.actor(), data)),
      'challenge.show': cardAction('challenges.view', reference, async (data, sender) => desk.show(await sender.actor(), data.reference)),
      'challenge.list': cardAction('challenges.list', anyData, async (data, sender) => desk.list(await sender.actor(), { data })),
      // The desk validates the year, version and text.
      'youSaidWeDid.edit': cardAction('youSaidWeDid.prepare', anyData, async (data, sender) =>
        youSaidWeDid.edit(await sender.actor(), data),
      ),
      'youSaidWeDid.save': cardAction('youSaidWeDid.prepare', anyData, async (data, sender) =>
        youSaidWeDid.save(await sender.actor(), data),
      ),
      'youSaidWeDid.send': cardAction('youSaidWeDid.prepare', anyData, async (data, sender) =>
        youSaidWeDid.send(await sender.actor(), data),
      ),
    },
    jobs: desk.handlers(),
    start: () => desk.ensureScheduled(),
    downloads: [
      {
        path: '/exports/challenges.csv',
        access: 'challenges.export',
        serve: async ({ query }) => {
          const file = await desk.reportCsv(query);
          return file
            ? { kind: 'file', ...file, contentType: 'text/csv; charset=utf-8' }
            : linkRefused('Ask for the challenge report in Teams again for a fresh link.');
        },
      },
      // Committee-ready Word documents, behind the same signed, expiring, officer-only links as the CSVs.
      {
        path: '/exports/challenges.docx',
        access: 'challenges.export',
        serve: async ({ query }) => {
          const file = await desk.reportDocx(query);
          return file ? { kind: 'file', ...file } : linkRefused('Ask for the report in Teams again for a fresh link.');
        },
      },
      {
        path: '/exports/you-said-we-did.docx',
        access: 'youSaidWeDid.prepare',
        serve: async ({ query }) => {
          const file = await youSaidWeDid.docx(query);
          return file ? { kind: 'file', ...file } : linkRefused('Ask for the report in Teams again for a fresh link.');
        },
      },
    ],
  };
}
