import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface ChallengeReportCardData {
  /** 'Challenge cards: Q3 2026'. */
  heading: string;
  /** '1 July to 30 September 2026'. */
  dates: string;
  /** 'The quarter is still running: figures as at 14 August 2026.' or empty. */
  partialNote: string;
  /** The chart by priority area and status, as a data URI; an empty url hides it. */
  image: { url: string; altText: string };
  facts: { title: string; value: string }[];
  byStatus: { label: string; count: string }[];
  byPriority: { label: string; count: string }[];
  outcomes: { reference: string; title: string; outcome: string }[];
  /** '3 more completed cards are in the Word report.' or empty. */
  outcomesNote: string;
  /** Quarters are calendar quarters (Q1 = January to March). */
  footnote: string;
  /** The CSV for the panel papers; empty hides the button. */
  csvUrl: string;
  /** The Word report for the panel papers; empty hides the button. */
  docxUrl: string;
}

/** The quarterly challenge cards summary, with a link to its CSV. */
export function renderChallengeReportCard(data: ChallengeReportCardData): AdaptiveCardJson {
  return cardTemplate('challenge-report').expand(data);
}
