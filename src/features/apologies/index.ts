// Apologies for panel meetings.
export { ApologyDesk } from './apology-desk';
export type { OfficerNotice } from './apology-desk';
export { ApologyBook } from './data/apology-book';
export { apologiesFeature } from './teams/apologies-feature';
export { apologyMeeting } from './apology-desk';
export { ApologyNotices } from './apology-notices';
export { apologiesPersonalData } from './data/apologies-personal-data';
