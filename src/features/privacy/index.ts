// The person's UK GDPR rights: their data ("my data", subject access, erasure), retention and the privacy notice.
export { PersonalDataRegistry } from './personal-data-registry';
export { PrivacyDesk } from './privacy-desk';
export { PrivacyNoticeDesk } from './privacy-notice-desk';
export { PrivacyStore } from './data/privacy-store';
export { privacyPersonalData } from './data/privacy-personal-data';
export { RetentionPurge } from './retention-purge';
export { RETENTION_SETTINGS, defaultRetention, describePeriod } from './domain/retention-settings';
export { privacyFeature } from './teams/privacy-feature';
