// Challenge cards raised by the children's councils.
export { ChallengeDesk } from './challenge-desk';
export { ChallengeService } from './challenge-service';
export { ChallengeRepository } from './data/challenge-repository';
export { directoryPeople } from './domain/challenge-people';
export { challengesFeature } from './teams/challenges-feature';
export { YouSaidWeDidDesk } from './you-said-we-did-desk';
export { YouSaidWeDidStore } from './data/you-said-we-did-store';
export { challengesPersonalData } from './data/challenges-personal-data';
