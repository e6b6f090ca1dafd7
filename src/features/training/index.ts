// Member training: records, reminders and who is due, as other features see it.
export { FlaggedCouncillors } from './domain/councillor-directory';
export type { CouncillorDirectory } from './domain/councillor-directory';
export { trainingFeature } from './teams/training-feature';
export { TrainingDesk } from './training-desk';
export { TrainingPreferences } from './data/training-preferences';
export { trainingPersonalData } from './data/training-personal-data';
