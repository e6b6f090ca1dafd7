/** The kinds of personal detail the guard refuses outright; a possible name is asked about instead. */
export const PERSONAL_DATA_KINDS = [
  'name_with_age',
  'date_of_birth',
  'phone',
  'email',
  'postcode',
  'address',
  'nhs_number',
  'ni_number',
  'pupil_number',
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** How each kind is named in a refusal: what it is, never what was typed. */
export const PERSONAL_DATA_DESCRIPTIONS: Record<PersonalDataKind, string> = {
  name_with_age: 'a name with an age or school year (it could identify a child)',
  date_of_birth: 'a date of birth',
  phone: 'a phone number',
  email: 'an email address',
  postcode: 'a postcode',
  address: 'a home address',
  nhs_number: 'an NHS number',
  ni_number: 'a National Insurance number',
  pupil_number: 'a unique pupil number',
};
