import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

/** What a page button or a role button sends back: the page and search to show again. */
export interface RolesPageRef {
  page: number;
  query: string;
}

export interface RolesCardData {
  summary: string;
  /** "Showing 21-40 of 3,519 matching “Smith”." */
  position: string;
  /** A confirmation of the change just made, or empty. */
  message: string;
  /** The search in force, prefilled in the search box. */
  query: string;
  previous: RolesPageRef | null;
  next: RolesPageRef | null;
  people: { name: string; roleLabel: string; action: RolesPageRef & { aadObjectId: string }; canGrant: boolean; canRevoke: boolean }[];
}

/** The roles card: `roles.page` {page, query} pages and searches; `role.grantOfficer` / `role.revokeOfficer` {aadObjectId, page, query}. */
export function renderRolesCard(data: RolesCardData): AdaptiveCardJson {
  return cardTemplate('roles').expand(data);
}
