import { RolesCardData } from '../cards/roles-card';
import { roleLabel } from '../help/help-content';
import { MemberWithRole } from './role-service';
import { literalText } from '../cards/literal-text';

/** The admin's view of everyone the bot knows, with the change they may make to each. */
export function rolesCardData(people: MemberWithRole[], message = ''): RolesCardData {
  const officers = people.filter((person) => person.role !== 'member').length;
  return {
    summary: `${people.length} ${people.length === 1 ? 'person has' : 'people have'} used the bot; ${officers} ${officers === 1 ? 'is an officer or administrator' : 'are officers or administrators'}.`,
    message,
    people: people.map((person) => ({
      name: literalText(person.name),
      roleLabel: `${capitalise(roleLabel(person.role))}${person.fixed ? ' (set in configuration)' : ''}${person.active ? '' : ' - has removed the bot'}`,
      aadObjectId: person.aadObjectId,
      canGrant: !person.fixed && person.role === 'member',
      canRevoke: !person.fixed && person.role === 'officer',
    })),
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
