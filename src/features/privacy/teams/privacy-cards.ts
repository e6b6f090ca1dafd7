import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface PersonalDataCardData {
  heading: string;
  intro: string;
  sections: { title: string; count: string; description: string; retention: string }[];
  note: string;
  downloadUrl: string;
  privacyUrl: string;
}

/** "my data" and an administrator's subject access export: counts per kind, and the JSON behind a signed link. */
export function renderPersonalDataCard(data: PersonalDataCardData): AdaptiveCardJson {
  return cardTemplate('personal-data').expand(data);
}

export interface EraseConfirmCardData {
  name: string;
  explanation: string;
  warning: string;
  held: { title: string; count: string }[];
  aadObjectId: string;
  requestId: string;
}

/** The confirmation before an erasure: what is held, and one button that erases once however often it is pressed. */
export function renderEraseConfirmCard(data: EraseConfirmCardData): AdaptiveCardJson {
  return cardTemplate('privacy-erase-confirm').expand(data);
}

export interface PersonChoiceCardData {
  summary: string;
  /** What choosing does: 'export' or 'erase'. */
  purpose: string;
  button: string;
  people: { name: string; detail: string; aadObjectId: string }[];
}

/** More than one person answers to the name an administrator typed. */
export function renderPersonChoiceCard(data: PersonChoiceCardData): AdaptiveCardJson {
  return cardTemplate('privacy-person-choice').expand(data);
}

export interface PrivacyNoticeFormData {
  detail: string;
  error: string;
  markdown: string;
  formId: string;
  version: string;
  pageUrl: string;
}

/** "edit privacy notice": the notice's Markdown in one box, saved as a new version. */
export function renderPrivacyNoticeForm(data: PrivacyNoticeFormData): AdaptiveCardJson {
  return cardTemplate('privacy-notice-form').expand(data);
}
