// The participation report (Recommendation 6), as other features see it.
export { participationFeature } from './teams/participation-feature';
export { ParticipationDesk } from './participation-desk';
