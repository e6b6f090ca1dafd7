import { type Feature, linkRefused } from '../../../shared/feature';
import type { ParticipationDesk } from '../participation-desk';

/** Participation (Recommendation 6): per member invited / replied / attended, with its Word report. */
export function participationFeature(desk: ParticipationDesk): Feature {
  return {
    name: 'participation',
    commands: [
      {
        name: 'participation-report',
        access: 'participation.report',
        patterns: [/^(?:members?'? )?participation report\b/],
        help: {
          title: 'participation report for 2026',
          detail: 'Who was invited, replied and attended (also a quarter or dates), with a Word report.',
          role: 'officer',
        },
        run: async (input, sender) => desk.reportCard(await sender.actor(), input.normalised),
      },
    ],
    downloads: [
      {
        path: '/exports/participation.docx',
        access: 'participation.report',
        serve: async ({ query }) => {
          const file = await desk.reportDocx(query);
          return file ? { kind: 'file', ...file } : linkRefused('Ask for the report in Teams again for a fresh link.');
        },
      },
    ],
  };
}
