import { ACCESS_RULES, AUDIENCES, type Audience, type Permission, type Registration, type Rule } from './policy';

/** Where the README's table starts and ends: the text between is rendered, never edited by hand. */
export const MATRIX_START = '<!-- access-matrix:start (rendered from src/shared/access/policy.ts; npm run access-matrix) -->';
export const MATRIX_END = '<!-- access-matrix:end -->';

const HEADINGS: Record<Audience, string> = {
  guest: 'guest',
  panel: 'panel member',
  councillor: 'councillor',
  officer: 'officer',
  admin: 'admin',
};

/** The "Who may do what" table: one row per permission, one column per role (and the record's people, and the bot's jobs). */
export function accessMatrixMarkdown(): string {
  const header = `| permission | commands, verbs, downloads, jobs | ${AUDIENCES.map((a) => HEADINGS[a]).join(' | ')} | named on the record | scheduled work | conditions |`;
  const rule = `| ${['---', '---', ...AUDIENCES.map(() => '---'), '---', '---', '---'].join(' | ')} |`;
  const rows = (Object.entries(ACCESS_RULES) as [Permission, Rule][]).map(([permission, entry]) => row(permission, entry));
  return [header, rule, ...rows].join('\n');
}

/** The README with its table replaced by the current one; throws when the markers are missing. */
export function withAccessMatrix(readme: string): string {
  const start = readme.indexOf(MATRIX_START);
  const end = readme.indexOf(MATRIX_END);
  if (start < 0 || end < start) throw new Error('README has no access-matrix markers');
  return `${readme.slice(0, start + MATRIX_START.length)}\n\n${accessMatrixMarkdown()}\n\n${readme.slice(end)}`;
}

function row(permission: Permission, entry: Rule): string {
  const cells = [
    `\`${permission}\``,
    entry.covers.map(registrationLabel).join(', ') || '-',
    ...AUDIENCES.map((audience) => (entry.allow.includes(audience) ? 'yes' : '-')),
    entry.involved === 'anyone' ? 'yes' : entry.involved === 'notGuests' ? 'yes (not guests)' : '-',
    entry.system ? 'yes' : '-',
    entry.note ?? '',
  ];
  return `| ${cells.join(' | ')} |`;
}

function registrationLabel(registration: Registration): string {
  const [kind, ...rest] = registration.split(':');
  const id = rest.join(':');
  if (kind === 'download') return `GET \`${id}\``;
  if (kind === 'text') return `free text (${id})`;
  return `${kind} \`${id}\``;
}
