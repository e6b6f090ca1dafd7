// The quarter's key figures (Recommendation 2), as other features see them.
export { KeyFiguresDesk } from './key-figures-desk';
export type { KeyFiguresSection } from './teams/key-figures-cards';
export { keyFiguresFeature } from './teams/key-figures-feature';
export { KeyFiguresStore } from './data/key-figures-store';
export { loadKeyFigureDefinitions } from './domain/key-figure-definitions';
export { keyFiguresPersonalData } from './data/key-figures-personal-data';
