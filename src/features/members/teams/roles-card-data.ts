import type { RolesCardData } from './roles-card';
import { roleLabel } from '../../../shared/access/actor';
import type { MemberWithRole } from '../role-service';
import { literalText } from '../../../shared/text/literal-text';

/** People per page: a page of the roles card stays near 12 KB, far under Teams' ~28 KB. */
export const ROLES_PAGE_SIZE = 20;
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
 * The admin's view of everyone the bot knows, a page at a time in name order, optionally only
 * those whose name contains `query` (ignoring case and accents), with the change they may make to
 * each. Every button carries the page and search, so the admin stays where they were.
 */
export function rolesCardData(people: readonly MemberWithRole[], view: RolesView = {}): RolesCardData {
  const query = (view.query ?? '').trim().slice(0, MAX_ROLES_QUERY);
  const matching = people.filter((person) => matches(person.name, query)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const pages = Math.max(1, Math.ceil(matching.length / ROLES_PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.floor(view.page ?? 0)), pages - 1);
  const shown = matching.slice(page * ROLES_PAGE_SIZE, (page + 1) * ROLES_PAGE_SIZE);
  const officers = people.filter((person) => person.role !== 'member').length;
  return {
    summary: `${count(people.length)} ${people.length === 1 ? 'person has' : 'people have'} used the bot; ${count(officers)} ${officers === 1 ? 'is an officer or administrator' : 'are officers or administrators'}.`,
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
    people: shown.map((person) => ({
      name: literalText(person.name),
      roleLabel: `${capitalise(roleLabel(person.role))}${person.fixed ? ' (set in configuration)' : ''}${person.active ? '' : ' - has removed the bot'}`,
      action: { aadObjectId: person.aadObjectId, page, query },
      canGrant: !person.fixed && person.role === 'member',
      canRevoke: !person.fixed && person.role === 'officer',
    })),
  };
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
