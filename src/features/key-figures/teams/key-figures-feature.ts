import { z } from 'zod';
import { type Feature, cardAction } from '../../../shared/feature';
import type { KeyFiguresDesk } from '../key-figures-desk';

// The form's inputs arrive with the data; KeyFiguresDesk validates every field.
const anyData = z.looseObject({});

/** The quarter's headline figures (Recommendation 2): officers enter them, members see them with the trend. */
export function keyFiguresFeature(desk: KeyFiguresDesk): Feature {
  return {
    name: 'key-figures',
    commands: [
      {
        name: 'key-figures',
        access: 'keyFigures.read',
        phrases: ['key figures', 'headline figures'],
        run: async (_input, sender) => desk.card(await sender.actor()),
      },
      {
        name: 'enter-key-figures',
        access: 'keyFigures.enter',
        patterns: [/^(?:enter|update|correct|add) (?:the )?key figures\b/],
        help: {
          title: 'enter key figures for Q3 2026',
          detail: "The quarter's headline figures, with their source, for the bulletin.",
          role: 'officer',
        },
        run: async (input, sender) => desk.form(await sender.actor(), input.normalised),
      },
    ],
    verbs: {
      'keyFigures.form': cardAction('keyFigures.enter', anyData, async (_data, sender) => desk.form(await sender.actor())),
      'keyFigures.save': cardAction('keyFigures.enter', anyData, async (data, sender) => desk.save(await sender.actor(), data)),
    },
  };
}
