// The members feature as other features see it: the directory, roles and the Teams the bot is in.
export * from './domain/member';
export { MemberDirectory } from './data/member-directory';
export { RoleDirectory } from './data/role-directory';
export { TeamRegistry } from './data/team-registry';
export type { InstalledTeam } from './data/team-registry';
export { RosterThrottled } from './domain/team-roster-pages';
export type { RosterPage, TeamRosterPages } from './domain/team-roster-pages';
export { RecentSightings } from './domain/recent-sightings';
export { RoleService, narrows } from './role-service';
export type { MemberWithRole, RoleChange, RoleChangeListener } from './role-service';
export { MemberImport } from './member-import';
export { membersFeature } from './teams/members-feature';
export { membersPersonalData } from './data/members-personal-data';
