import { AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface RolesCardData {
  summary: string;
  /** A confirmation of the change just made, or empty. */
  message: string;
  people: { name: string; roleLabel: string; aadObjectId: string; canGrant: boolean; canRevoke: boolean }[];
}

export function renderRolesCard(data: RolesCardData): AdaptiveCardJson {
  return cardTemplate('roles').expand(data);
}
