import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';
import { literalText } from '../../../shared/text/literal-text';
import type { ImportSummary } from '../member-import';

/** Names listed on the card at most; the counts say how many more (the roles card has everyone). */
const MAX_NAMES = 40;

export interface ImportSummaryCardData {
  heading: string;
  summary: string;
  facts: { title: string; value: string }[];
  addedHeading: string;
  added: { name: string }[];
  notInTeamHeading: string;
  notInTeam: { name: string }[];
  more: string;
}

export function importSummaryData(summary: ImportSummary): ImportSummaryCardData {
  const panel = summary.kind === 'panel';
  const team = literalText(summary.team.name);
  const hidden = Math.max(0, summary.added.length - MAX_NAMES) + Math.max(0, summary.notInTeam.length - MAX_NAMES);
  return {
    heading: panel ? `Panel members imported from ${team}` : `Councillors imported from ${team}`,
    summary:
      summary.added.length === 0
        ? `Everyone in ${team} was already ${panel ? 'a panel member or an officer' : 'known as a councillor'}: nothing changed.`
        : `${summary.added.length} ${summary.added.length === 1 ? 'person is' : 'people are'} now ${panel ? 'panel members' : 'known as councillors'}. Nobody lost a role.`,
    facts: [
      { title: 'In the Team', value: String(summary.inRoster) },
      { title: panel ? 'Made panel members' : 'Marked councillors', value: String(summary.added.length) },
      { title: 'Already held it (unchanged)', value: String(summary.unchanged) },
      { title: 'Not people (skipped)', value: String(summary.skipped) },
      { title: 'No chat with the bot yet', value: String(summary.unreachable) },
    ],
    addedHeading: panel ? 'Now panel members' : 'Now known as councillors',
    added: summary.added.slice(0, MAX_NAMES).map((person) => ({ name: literalText(person.name) })),
    notInTeamHeading: `Panel members who are not in ${team} (unchanged: change them on the roles card if they have left)`,
    notInTeam: summary.notInTeam.slice(0, MAX_NAMES).map((person) => ({ name: literalText(person.name) })),
    more: hidden > 0 ? `And ${hidden} more: see the roles card.` : '',
  };
}

/** The summary of "import panel members from <Team>"; "Open the roles card" posts `roles.page` {page: 0}. */
export function renderImportSummaryCard(data: ImportSummaryCardData): AdaptiveCardJson {
  return cardTemplate('import-summary').expand(data);
}
