import { findPersonalData, personalDataMessage } from '../../../src/features/challenges/domain/personal-data-guard';

describe('personal data guard', () => {
  it.each([
    ['Call me on 07700 900123 after school', ['phone']],
    ['my mobile is 07700900123', ['phone']],
    ['ring +44 7700 900123', ['phone']],
    ['ring +44 (0)7700 900 123', ['phone']],
    ['landline (01622) 694000', ['phone']],
    ['text 0770-090-0123', ['phone']],
    ['email jamie.smith2009@example.com please', ['email']],
    ['DOB 14/05/2009', ['date_of_birth', 'numeric_date']],
    ['d.o.b. is in the file', ['date_of_birth']],
    ['his date of birth is in May', ['date_of_birth']],
    ['she was born on the 3rd of March', ['date_of_birth']],
    ['born 3 March 2010', ['date_of_birth']],
    ['born in 2009 in Margate', ['date_of_birth']],
    ['my birthday is next week', ['date_of_birth']],
    ['moved placement on 14/05/2025', ['numeric_date']],
    ['moved on 1-9-25', ['numeric_date']],
    ['started 2025-09-01', ['numeric_date']],
    ['lives at ME14 1XQ', ['postcode']],
    ['lives at 12 Acacia Avenue', ['address']],
    ['NI number AB 12 34 56 C', ['ni_number']],
    ['ni ab123456c', ['ni_number']],
    ['NHS number 943 476 5919', ['nhs_number']],
    ['07700 900123 or sam@example.org', ['phone', 'email']],
  ])('finds personal data in %j', (text, kinds) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });

  it.each([
    'Care leavers should not pay council tax until they are 25.',
    'We want a rent guarantor scheme like other councils have.',
    'The 16-19 bursary is paid late, about £1,200 a year is missing.',
    'In Q3 2026 the Super Council (ages 7-11) asked for more activities.',
    'Bus passes for 2,000 young people in Kent cost too much',
    'See challenge CC-2026-014 and section 22 of the Children Act 1989.',
    'Meet at 07:30 on the 3rd floor, room B2 4th door',
    'Raised on 14 July 2026 at the Young Adult Council, due by September.',
    'Pocket money of 10.50 a week is not enough.',
    'Wi-Fi in every placement, 24/7 please!',
    'Born and raised in Kent, care leavers want local jobs.',
    'We asked 120 young people; 85 said yes.',
  ])('lets ordinary challenge text through: %j', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('names what it found without repeating it', () => {
    const text = 'call 07700 900123 or jamie@example.com';
    const message = personalDataMessage(findPersonalData(text));
    expect(message).toMatch(/^This looks like it contains a phone number and an email address\./);
    expect(message).not.toContain('07700');
    expect(message).not.toContain('jamie');
  });

  it('an NHS-like run that fails the check digit is not an NHS number', () => {
    expect(findPersonalData('reference 943 476 5910')).toEqual([]);
  });
});
