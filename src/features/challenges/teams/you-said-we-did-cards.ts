import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';
import { emptyPanelReport, renderPanelReportCard } from '../../../shared/cards/panel-report-card';
import { literalText } from '../../../shared/text/literal-text';
import { type SummaryItem, type YouSaidWeDid, longSentences } from '../domain/you-said-we-did';

export const ITEMS_PER_PAGE = 8;

/** The summary as members (and the officer previewing it) read it. */
export function youSaidWeDidCard(
  summary: YouSaidWeDid,
  options: { forOfficer: boolean; docxUrl?: string; message?: string },
): AdaptiveCardJson {
  return renderPanelReportCard({
    ...emptyPanelReport(`You said, we did: ${summary.year}`),
    heading: 'For the children in care councils',
    subtitle: literalText(summary.intro),
    message: options.message ?? '',
    messageColor: 'Good',
    sections:
      summary.items.length === 0
        ? [{ title: 'No challenges were finished this year.', lines: [] }]
        : summary.items.map((item) => ({ title: `You said: ${literalText(item.youSaid)}`, lines: [`We did: ${literalText(item.weDid)}`] })),
    footnote: options.forOfficer
      ? summary.sentAtUtc
        ? 'Sent to members. You can still edit it and send the new version.'
        : 'Check the words, edit them if needed, then send it to members or download it for the children in care councils.'
      : '',
    buttons: options.forOfficer
      ? [
          { title: 'Edit', verb: 'youSaidWeDid.edit', data: { year: summary.year, page: 0 } },
          { title: 'Send to members', verb: 'youSaidWeDid.send', data: { year: summary.year, version: summary.version } },
        ]
      : [],
    links: options.docxUrl ? [{ title: 'Download (Word)', url: options.docxUrl }] : [],
  });
}

export function youSaidWeDidFormCard(
  summary: YouSaidWeDid,
  page: number,
  message = '',
  color: 'Good' | 'Attention' = 'Good',
  fieldErrors: Readonly<Record<string, string>> = {},
): AdaptiveCardJson {
  const pages = Math.max(1, Math.ceil(summary.items.length / ITEMS_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const items = summary.items.slice(current * ITEMS_PER_PAGE, (current + 1) * ITEMS_PER_PAGE);
  return cardTemplate('you-said-we-did-form').expand({
    title: `You said, we did: ${summary.year}`,
    year: summary.year,
    version: summary.version,
    page: current,
    pages,
    pageText: `Page ${current + 1} of ${pages}.`,
    hasNextPage: current + 1 < pages,
    message,
    messageColor: color,
    intro: summary.intro,
    introError: fieldErrors.intro ?? '',
    items: items.map((item, index) => {
      const saidId = `said_${current * ITEMS_PER_PAGE + index}`;
      const didId = `did_${current * ITEMS_PER_PAGE + index}`;
      return { ...item, saidId, didId, saidError: fieldErrors[saidId] ?? '', didError: fieldErrors[didId] ?? '', hint: hintFor(item) };
    }),
  });
}

function hintFor(item: SummaryItem): string {
  const long = longSentences(item.youSaid) + longSentences(item.weDid);
  return long > 0 ? `${long} long ${long === 1 ? 'sentence' : 'sentences'}: try splitting ${long === 1 ? 'it' : 'them'}.` : '';
}
