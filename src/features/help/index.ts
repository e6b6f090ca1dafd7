// Help and the welcome card.
export { welcomeCardData } from './help-content';
export { renderWelcomeCard } from './teams/welcome-card';
export { helpFeature } from './teams/help-feature';
