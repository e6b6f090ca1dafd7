import {
  checkPersonalData,
  findPersonalData,
  nameConfirmation,
  namesConfirmed,
  personalDataMessage,
} from '../../../src/features/challenges/domain/personal-data-guard';
import { nhsCheckDigitValid } from '../../../src/features/challenges/domain/personal-data/phone-and-nhs-numbers';
import { upnCheckLetterValid } from '../../../src/features/challenges/domain/personal-data/official-numbers';
import { normaliseText } from '../../../src/features/challenges/domain/personal-data/normalise-text';

describe('personal data guard', () => {
  it.each([
    ['Call me on 07700 900123 after school', ['phone']],
    ['ring +44 (0)7700 900 123', ['phone']],
    ['landline (01622) 694000', ['phone']],
    ['text 0770-090-0123', ['phone']],
    ['0７７00\u200B900123', ['phone']],
    ['email jamie.smith2009@example.com please', ['email']],
    ['DOB 14/05/2009', ['date_of_birth']],
    ['she was born on the 3rd of March', ['date_of_birth']],
    ['born in 2009 in Margate', ['date_of_birth']],
    ['lives at ME14 1XQ', ['postcode']],
    ['NI number AB 12 34 56 C', ['ni_number']],
    ['ni ab123456c', ['ni_number']],
    ['NHS number 943 476 5919', ['nhs_number']],
    ['07700 900123 or sam@example.org', ['phone', 'email']],
    ['Jamie, 14, lives at 4 Acacia Avenue', ['name_with_age', 'address']],
  ])('refuses %j as %j', (text, kinds) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });

  it.each([
    'Care leavers should not pay council tax until they are 25.',
    'In Q3 2026 the Super Council (ages 7-11) asked for more activities.',
    'Bus passes for 2,000 young people in Kent cost too much',
    'See challenge CC-2026-014 and section 22 of the Children Act 1989.',
    'Raised on 14 July 2026 at the Young Adult Council, due by September.',
    'moved placement on 14/05/2025',
    'Wi-Fi in every placement, 24/7 please!',
    'd.o.b. is asked at every appointment',
    'my birthday is next week and nobody remembers',
    '',
  ])('lets %j through', (text) => {
    expect(checkPersonalData(text)).toEqual({ refused: [], possibleNames: [] });
  });

  it('asks about a possible name instead of refusing it, and knows the adults the bot knows', () => {
    expect(checkPersonalData('Jamie wants a bus pass')).toEqual({ refused: [], possibleNames: ['jamie'] });
    expect(checkPersonalData('Olivia Officer will chase the bursary team', { knownAdultNames: ['Olivia Officer'] }).possibleNames).toEqual(
      [],
    );
    expect(checkPersonalData('Olivia will chase the bursary team', { knownAdultNames: ['Olivia Officer'] }).possibleNames).toEqual([
      'olivia',
    ]);
    expect(checkPersonalData('Priya Shah agreed', { knownAdultNames: ['Cllr Priya Shah (Canterbury North)'] }).possibleNames).toEqual([]);
  });

  it('names what it found without repeating it', () => {
    const message = personalDataMessage(findPersonalData('call 07700 900123 or jamie@example.com'));
    expect(message).toMatch(/^This looks like it contains a phone number and an email address\./);
    expect(message).not.toContain('07700');
    expect(message).not.toContain('jamie');
  });

  it('confirms exactly the names it was shown, on the form it was shown on', () => {
    const token = nameConfirmation('form-1', ['jamie', 'tyler']);
    expect(token).not.toMatch(/jamie|tyler/);
    expect(namesConfirmed('form-1', ['jamie'], token)).toBe(true);
    expect(namesConfirmed('form-1', ['jamie', 'tyler'], token)).toBe(true);
    expect(namesConfirmed('form-1', ['jamie', 'chloe'], token)).toBe(false);
    expect(namesConfirmed('form-2', ['jamie'], token)).toBe(false);
    expect(namesConfirmed('form-1', ['jamie'], 'true')).toBe(false);
    expect(namesConfirmed('form-1', ['jamie'], undefined)).toBe(false);
  });

  it('checks NHS numbers by their modulus-11 digit and UPNs by their check letter', () => {
    expect(nhsCheckDigitValid('9434765919')).toBe(true);
    expect(nhsCheckDigitValid('9434765910')).toBe(false);
    expect(findPersonalData('reference 943 476 5910')).toEqual([]);
    const upn = validUpn('80120011234');
    expect(upnCheckLetterValid(upn)).toBe(true);
    expect(upnCheckLetterValid(`${upn.slice(0, 12)}${(Number(upn[12]) + 1) % 10}`)).toBe(false);
    expect(findPersonalData(`pupil ${upn.slice(0, 4)} ${upn.slice(4)}`)).toEqual(['pupil_number']);
  });

  it('reads long text in overlapping pieces without missing anything at a cut or inventing anything there', () => {
    const filler = 'Care leavers want help with council tax and bus passes in Kent. ';
    for (let at = 3900; at <= 4300; at += 23) {
      const text = `${filler.repeat(200).slice(0, at)} call 07700 900123 or write to jamie.smith@gmail.com ${filler.repeat(60)}`;
      expect(findPersonalData(text)).toEqual(['phone', 'email']);
    }
    expect(checkPersonalData(filler.repeat(1000))).toEqual({ refused: [], possibleNames: [] });
    expect(checkPersonalData('x'.repeat(20_000))).toEqual({ refused: [], possibleNames: [] });
  });

  it('normalises full-width characters, odd dashes and invisible characters before matching', () => {
    expect(normaliseText('ＡＢ－１２\u200B３４　５６')).toBe('AB-1234 56');
    expect(findPersonalData('ＡＢ‐12‐34‐56‐Ｃ')).toEqual(['ni_number']);
    expect(findPersonalData('jamie＠gmail．com')).toEqual(['email']);
  });
});

/** A UPN with the right check letter for the 11 digits after it, ending in 0 (computed independently of the guard). */
function validUpn(digits: string): string {
  const body = `${digits}0`;
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (index + 2), 0);
  return `${'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23]}${body}`;
}
