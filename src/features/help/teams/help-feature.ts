import type { Feature, HelpEntry } from '../../../shared/feature';
import { helpCardData, welcomeCardData } from '../help-content';
import { renderHelpCard } from './help-card';
import { renderWelcomeCard } from './welcome-card';

/**
 * "help" and greetings. The staff commands on the help card are whatever the other features
 * registered with a `help` entry, so a new command documents itself.
 */
export function helpFeature(staffCommands: () => readonly HelpEntry[], publicBaseUrl: string): Feature {
  return {
    name: 'help',
    commands: [
      {
        name: 'help',
        access: 'help.use', // "?" alone normalises to nothing: it is a request for help, not an empty question.
        phrases: ['', 'help', 'what can you do', 'commands', 'menu'],
        run: async (_input, sender) => renderHelpCard(helpCardData(await sender.actor(), staffCommands())),
      },
      {
        name: 'greeting',
        access: 'help.use',
        phrases: ['hi', 'hello', 'hey', 'start', 'good morning', 'good afternoon'],
        run: async () => renderWelcomeCard(welcomeCardData(publicBaseUrl)),
      },
    ],
  };
}
