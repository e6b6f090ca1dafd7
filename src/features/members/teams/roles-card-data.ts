import type { RolesCardData, RolesCardPerson } from './roles-card';
import { ROLES, type Role, hasRole, holdingLabel, roleLabel } from '../../../shared/access/actor';
import { type AccessSubject, may } from '../../../shared/access/policy';
import type { MemberWithRole } from '../role-service';
import { literalText } from '../../../shared/text/literal-text';

/** People per page: a page of the roles card stays well under Teams' ~28 KB, even with a long search. */
export const ROLES_PAGE_SIZE = 15;
export const MAX_ROLES_QUERY = 100;

export interface RolesView {
  /** 0-based; past the end shows the last page. */
  page?: number;
  /** Part of a name; empty lists everyone. */
  query?: string;
  /** A confirmation of the change just made, or empty. */
  message?: string;
}

/**
 * The roles card for `viewer`: everyone the bot knows, a page at a time in name order, optionally
 * only those whose name contains `query` (ignoring case and accents), each with the roles the
 * viewer may give them. Every button carries the page and search, so the viewer stays where they were.
 */
export function rolesCardData(people: readonly MemberWithRole[], viewer: AccessSubject, view: RolesView = {}): RolesCardData {
  const query = (view.query ?? '').trim().slice(0, MAX_ROLES_QUERY);
  const matching = people.filter((person) => matches(person.name, query)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const pages = Math.max(1, Math.ceil(matching.length / ROLES_PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.floor(view.page ?? 0)), pages - 1);
  const shown = matching.slice(page * ROLES_PAGE_SIZE, (page + 1) * ROLES_PAGE_SIZE);
  const panel = people.filter((person) => person.role === 'panel').length;
  const staff = people.filter((person) => hasRole(person.role, 'officer')).length;
  const councillors = people.filter((person) => person.councillor).length;
  return {
    summary: `${count(people.length)} ${people.length === 1 ? 'person is' : 'people are'} known to the bot: ${count(panel)} panel ${panel === 1 ? 'member' : 'members'}, ${count(staff)} ${staff === 1 ? 'officer or administrator' : 'officers or administrators'}, ${count(councillors)} ${councillors === 1 ? 'councillor' : 'councillors'}; everyone else is a guest.`,
    hint: 'Say "import panel members from <Team>" (or "import councillors from <Team>") to add everyone in a Team the bot is in.',
    position:
      shown.length === 0
        ? query
          ? `No one matches “${literalText(query)}”.`
          : 'No one has used the bot yet.'
        : `Showing ${count(page * ROLES_PAGE_SIZE + 1)}-${count(page * ROLES_PAGE_SIZE + shown.length)} of ${count(matching.length)}${query ? ` matching “${literalText(query)}”` : ''}.`,
    message: view.message ?? '',
    query,
    previous: page > 0 ? { page: page - 1, query } : null,
    next: page < pages - 1 ? { page: page + 1, query } : null,
    people: shown.map((person) => personRow(person, viewer, { page, query })),
  };
}

function personRow(person: MemberWithRole, viewer: AccessSubject, where: { page: number; query: string }): RolesCardPerson {
  const choices = assignable(viewer);
  const editable =
    !person.fixed && person.aadObjectId !== viewer.aadObjectId && choices.includes(person.role) && may(viewer, 'roles.assign');
  return {
    name: literalText(person.name),
    roleLabel: `${capitalise(holdingLabel(person))}${person.fixed ? ' (set in configuration)' : ''}${person.active ? '' : ' - has removed the bot'}`,
    editable,
    roleInput: `role-${person.aadObjectId}`,
    councillorInput: `councillor-${person.aadObjectId}`,
    role: person.role,
    councillor: person.councillor ? 'true' : 'false',
    choices: choices.map((role) => ({ title: capitalise(roleLabel(role)), value: role })),
    action: { aadObjectId: person.aadObjectId, ...where },
  };
}

/** Officers place people on or off the panel; administrators also make officers and administrators. */
export function assignable(viewer: AccessSubject): Role[] {
  return may(viewer, 'roles.assignStaff') ? [...ROLES] : ROLES.filter((role) => !hasRole(role, 'officer'));
}

/** Case- and accent-insensitive: "suilleabhain" finds "Ó Súilleabháin". */
function matches(name: string, query: string): boolean {
  return query === '' || fold(name).includes(fold(query));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB');
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
