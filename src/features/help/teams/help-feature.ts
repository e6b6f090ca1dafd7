import { noticeCard } from '../../../shared/cards/notice-card';
import type { Feature, HelpEntry } from '../../../shared/feature';
import { REMARK_ON_AN_ANSWER } from '../../../shared/text/remark-on-answer';
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
        phrases: ['', 'help', 'what can you do', 'commands', 'menu', 'help me', 'what can i ask', 'what can i ask you', 'who are you'],
        run: async (_input, sender) => renderHelpCard(helpCardData(await sender.actor(), staffCommands())),
      },
      {
        name: 'greeting',
        access: 'help.use',
        phrases: ['hi', 'hello', 'hey', 'start', 'good morning', 'good afternoon'],
        // "Hi there", "hello bot", "good evening": a greeting with a word or two more is still one.
        patterns: [/^(?:hi|hello|hey|hiya|morning|afternoon|good (?:morning|afternoon|evening))(?:,? (?:there|all|bot|again|everyone))?$/],
        run: async () => renderWelcomeCard(welcomeCardData(publicBaseUrl)),
      },
      {
        // Said after an answer: not a question, so not "I don't know the answer to that".
        name: 'thanks',
        access: 'help.use',
        // "Thanks", "brilliant, that was really helpful": a remark on an answer.
        patterns: [REMARK_ON_AN_ANSWER],
        run: async () => noticeCard("You're welcome", 'Ask me anything else about the panel, or type "help" to see what I can do.', 'good'),
      },
    ],
  };
}
