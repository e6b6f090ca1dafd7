import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface AuditLogCardData {
  heading: string;
  /** 'Newest first. 20 entries.' */
  summary: string;
  entries: { when: string; action: string; who: string; subject: string; detail: string }[];
  /** The cursor for "Older entries" (`audit.page` with {after}); empty on the last page. */
  after: string;
}

/** Admins' "audit log": the latest entries, with a button for older ones. */
export function renderAuditLogCard(data: AuditLogCardData): AdaptiveCardJson {
  return cardTemplate('audit-log').expand(data);
}
