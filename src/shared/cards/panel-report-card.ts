import { type AdaptiveCardJson, cardTemplate } from './card-template';

/** A button that posts Action.Execute `verb` with `data`. */
export interface CardButton {
  title: string;
  verb: string;
  data: Record<string, string | number | boolean>;
}

/**
 * The card most reports and lists use: a title, an optional chart, facts, titled sections of
 * lines, buttons inside the body (`choices`, one per item) and at the foot (`buttons`, `links`).
 * Text that people typed must already be escaped with literalText.
 */
export interface PanelReportCardData {
  heading: string;
  title: string;
  subtitle: string;
  message: string;
  messageColor: 'Default' | 'Good' | 'Attention' | 'Warning' | 'Accent';
  /** A chart as a data URI; an empty url hides it. */
  image: { url: string; altText: string };
  facts: { title: string; value: string }[];
  sections: { title: string; lines: string[] }[];
  choices: CardButton[];
  footnote: string;
  buttons: CardButton[];
  links: { title: string; url: string }[];
}

export function emptyPanelReport(title: string): PanelReportCardData {
  return {
    heading: '',
    title,
    subtitle: '',
    message: '',
    messageColor: 'Default',
    image: { url: '', altText: '' },
    facts: [],
    sections: [],
    choices: [],
    footnote: '',
    buttons: [],
    links: [],
  };
}

export function renderPanelReportCard(data: PanelReportCardData): AdaptiveCardJson {
  const card = cardTemplate('panel-report').expand(data);
  // An empty $data array leaves nothing behind, but an emptied "actions" must not be sent at all.
  if (Array.isArray(card.actions) && card.actions.length === 0) delete card.actions;
  return card;
}
