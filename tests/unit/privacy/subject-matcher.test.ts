import { FORMER_MEMBER } from '../../../src/shared/personal-data';
import { SubjectMatcher } from '../../../src/shared/text/subject-matcher';
import { entraObjectId, teamsUserId } from '../../support/teams-ids';

const id = entraObjectId('priya');
const teamsId = teamsUserId('priya');
const matcher = new SubjectMatcher({ aadObjectId: id, names: ['Priya Shah', 'Al'], teamsUserIds: [teamsId] });
const pseudonym = { id: 'former-0123456789abcdef', name: FORMER_MEMBER };

describe('finding a person in stored values', () => {
  it('finds their ids in any case and inside other text, and their names as whole words in any case and spacing', () => {
    expect(matcher.mentions(`v000003.${id.toUpperCase()}`)).toBe(true);
    expect(matcher.mentions(`{"user":{"id":"${teamsId}"}}`)).toBe(true);
    expect(matcher.mentions('PRIYA   shah sent apologies')).toBe(true);
    expect(matcher.mentions('Priya Shahid sent apologies')).toBe(false);
    // Names shorter than three letters are never looked for in free text.
    expect(matcher.mentions('Al Jones and Alan')).toBe(false);
  });

  it('puts the pseudonym in place of ids and names, and the pseudonym name beside an id whatever name was stored', () => {
    expect(matcher.scrubText(`Cllr Priya Shah (${id})`, pseudonym)).toBe(`Cllr ${FORMER_MEMBER} (${pseudonym.id})`);
    const stored = JSON.stringify({
      leadOfficer: { aadObjectId: id, name: 'P. Shah (old name)' },
      byAadObjectId: id,
      byName: 'Priya S',
      other: { aadObjectId: 'someone-else', name: 'Sam Patel' },
      note: "Priya Shah's idea",
    });
    const scrubbed = JSON.parse(matcher.scrubStored(stored, pseudonym)) as Record<string, unknown>;
    expect(scrubbed).toEqual({
      leadOfficer: { aadObjectId: pseudonym.id, name: FORMER_MEMBER },
      byAadObjectId: pseudonym.id,
      byName: FORMER_MEMBER,
      other: { aadObjectId: 'someone-else', name: 'Sam Patel' },
      note: `${FORMER_MEMBER}'s idea`,
    });
  });

  it('leaves long text that does not mention them as it was', () => {
    const many = new SubjectMatcher({ aadObjectId: id, names: Array.from({ length: 50 }, (_, i) => `Name${i} Surname`), teamsUserIds: [] });
    const text = 'a'.repeat(30_000);
    expect(many.mentions(text)).toBe(false);
    expect(many.scrubText(text, pseudonym)).toBe(text);
  });
});
