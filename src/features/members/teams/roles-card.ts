import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

/** What a page button or a role button sends back: the page and search to show again. */
export interface RolesPageRef {
  page: number;
  query: string;
}

export interface RolesCardPerson {
  name: string;
  /** "Panel member and councillor", "Officer (set in configuration)", "Guest - has removed the bot". */
  roleLabel: string;
  /** Whether this viewer may change this person (never themselves, a bootstrap admin, or, for officers, staff). */
  editable: boolean;
  /** Input ids, unique per person on the card: `role-<aadObjectId>`, `councillor-<aadObjectId>`. */
  roleInput: string;
  councillorInput: string;
  role: string;
  councillor: 'true' | 'false';
  /** The roles this viewer may give. */
  choices: { title: string; value: string }[];
  action: RolesPageRef & { aadObjectId: string };
}

export interface RolesCardData {
  summary: string;
  /** How to import panel members from a Team. */
  hint: string;
  /** "Showing 21-40 of 3,519 matching “Smith”." */
  position: string;
  /** A confirmation of the change just made, or empty. */
  message: string;
  /** The search in force, prefilled in the search box. */
  query: string;
  previous: RolesPageRef | null;
  next: RolesPageRef | null;
  people: RolesCardPerson[];
}

/**
 * The roles card: `roles.page` {page, query} pages and searches; `role.set` {aadObjectId, page,
 * query} saves the person's role (input `role-<id>`) and councillor flag (`councillor-<id>`).
 */
export function renderRolesCard(data: RolesCardData): AdaptiveCardJson {
  return cardTemplate('roles').expand(data);
}
