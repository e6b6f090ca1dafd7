import { DateTime } from 'luxon';
import { z } from 'zod';
import { type Role, hasRole } from '../../../shared/access/actor';
import { type Challenge, PRIORITY_AREAS, type Person, RAISING_GROUPS } from './challenge';
import { checkPersonalData, nameConfirmation, namesConfirmed, personalDataMessage, POSSIBLE_NAME_MESSAGE } from './personal-data-guard';
import { FormError, MAX_TITLE_LENGTH, fieldErrorsOf, formText, readFormValues } from '../../../shared/forms/form';
import { literalText } from '../../../shared/text/literal-text';

export const MAX_WORDS_LENGTH = 2000;
export const MAX_GROUP_NAME_LENGTH = 80;
export const MAX_ASSIGNEES = 20;
/** Kent has run challenge cards since 2015: an earlier date is a typing slip. */
export const EARLIEST_RAISED_ON = '2015-01-01';

/** The "new challenge" form as the card posts it: every value a string (assignees comma-separated ids). */
export interface ChallengeFormValues {
  title: string;
  words: string;
  raisingGroup: string;
  raisingGroupOther: string;
  raisedOn: string;
  priorityArea: string;
  leadOfficer: string;
  assignees: string;
  dueOn: string;
  /**
   * The "This is not a child's name" box: when ticked, the confirmation the form carried for the
   * possible names it showed (see nameConfirmation); empty otherwise. Never skips another check.
   */
  confirmNotChildName: string;
}

export type ChallengeFormField = keyof ChallengeFormValues;

const FORM_FIELDS: readonly ChallengeFormField[] = [
  'title',
  'words',
  'raisingGroup',
  'raisingGroupOther',
  'raisedOn',
  'priorityArea',
  'leadOfficer',
  'assignees',
  'dueOn',
  'confirmNotChildName',
];

/** Someone a card can be given to: the people the form offers, with their role (the lead must be an officer). */
export interface ChallengeCandidate extends Person {
  role: Role;
}

/** What a "new challenge" form is drawn with, and kept for redrawing it with errors. */
export interface ChallengeFormContext {
  /** Random per form, carried in the form's data: a double click on "Create" creates one card. */
  formId: string;
  /** London date: the date raised cannot be later. */
  today: string;
  candidates: readonly ChallengeCandidate[];
}

/** A valid new challenge, people resolved server-side from their ids. */
export type ChallengeDraft = Pick<
  Challenge,
  'title' | 'words' | 'raisingGroup' | 'raisingGroupOther' | 'raisedOn' | 'priorityArea' | 'leadOfficer' | 'assignees' | 'dueOn'
>;

/**
 * The form was filled in wrongly. Carries a message per field and what was typed, so the form can
 * be shown again with the errors beside the fields and nothing lost.
 */
export class ChallengeFormError extends FormError<ChallengeFormField, ChallengeFormValues> {
  constructor(
    fieldErrors: Partial<Record<ChallengeFormField, string>>,
    values: ChallengeFormValues,
    readonly context: ChallengeFormContext,
    message?: string,
    /** Set when the form must ask "is this a child's name?": the value its confirmation box carries. */
    readonly nameConfirmation = '',
  ) {
    super(fieldErrors, values, message);
  }
}

const trimmed = formText;
const isoDate = (message: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((value) => DateTime.fromISO(value).isValid, 'That date does not exist');

const formSchema = z.object({
  title: trimmed(MAX_TITLE_LENGTH, 'The title').pipe(z.string().min(1, 'Give the challenge a short title')),
  words: trimmed(MAX_WORDS_LENGTH, 'The challenge').pipe(z.string().min(1, "Write the challenge in the young people's words")),
  raisingGroup: z.enum(RAISING_GROUPS, 'Choose the group that raised the challenge'),
  raisingGroupOther: trimmed(MAX_GROUP_NAME_LENGTH, "The group's name"),
  raisedOn: trimmed(10, 'The date').pipe(isoDate('Choose the date the challenge was raised')),
  priorityArea: z.enum(PRIORITY_AREAS, 'Choose the priority area'),
  leadOfficer: trimmed(128, 'The lead officer').pipe(z.string().min(1, 'Choose the lead officer')),
  assignees: trimmed(MAX_ASSIGNEES * 130, 'The list of people'),
  dueOn: trimmed(10, 'The date').pipe(isoDate('Choose a due date')),
});

/** Free text fields that must never hold a child's personal details. */
const GUARDED_FIELDS: readonly ChallengeFormField[] = ['title', 'words', 'raisingGroupOther'];

/** What the guard made of the form's free text. */
interface GuardOutcome {
  refused: boolean;
  /** Possible names over every guarded field, when not yet confirmed; empty otherwise. */
  unconfirmedNames: string[];
}

/**
 * Validates the form: shapes with zod, then the rules that need context (today, the people who
 * can be chosen), then the personal-data guard. All problems are reported together; a possible
 * name is asked about (with the confirmation box) unless the box was ticked for exactly the
 * names found now.
 */
export function validateChallengeForm(input: unknown, context: ChallengeFormContext): ChallengeDraft {
  const values = challengeFormValuesOf(input);
  const errors: Partial<Record<ChallengeFormField, string>> = {};
  const guarded = guardPersonalData(values, errors, context);
  const parsed = formSchema.safeParse(values);
  if (!parsed.success) throw formError({ ...fieldErrorsOf<ChallengeFormField>(parsed.error.issues), ...errors }, values, context, guarded);
  const form = parsed.data;
  const people = new Map(context.candidates.map((candidate) => [candidate.aadObjectId, candidate]));
  if (form.raisingGroup === 'other' && !form.raisingGroupOther) errors.raisingGroupOther = 'Name the group (never a child)';
  if (form.raisedOn > context.today) errors.raisedOn = 'The date raised cannot be in the future';
  else if (form.raisedOn < EARLIEST_RAISED_ON) errors.raisedOn = 'Challenge cards began in 2015: check the year';
  if (form.dueOn < form.raisedOn) errors.dueOn = 'The due date must be on or after the date raised';
  const lead = people.get(form.leadOfficer);
  if (!lead) errors.leadOfficer = 'Choose the lead officer from the list';
  else if (!hasRole(lead.role, 'officer')) errors.leadOfficer = `${literalText(lead.name)} is not an officer: the lead must be an officer`;
  const assignees = resolveAssignees(form.assignees, people, errors);
  if (Object.keys(errors).length > 0 || !lead) throw formError(errors, values, context, guarded);
  const draft: ChallengeDraft = {
    title: form.title,
    words: form.words,
    raisingGroup: form.raisingGroup,
    raisedOn: form.raisedOn,
    priorityArea: form.priorityArea,
    leadOfficer: { aadObjectId: lead.aadObjectId, name: lead.name },
    assignees,
    dueOn: form.dueOn,
  };
  if (form.raisingGroup === 'other') draft.raisingGroupOther = form.raisingGroupOther;
  return draft;
}

/** Blank values for a new form. */
export function emptyChallengeFormValues(): ChallengeFormValues {
  return {
    title: '',
    words: '',
    raisingGroup: '',
    raisingGroupOther: '',
    raisedOn: '',
    priorityArea: '',
    leadOfficer: '',
    assignees: '',
    dueOn: '',
    confirmNotChildName: '',
  };
}

/** Reads the form's fields from card data, keeping only strings and never more than is allowed. */
export function challengeFormValuesOf(input: unknown): ChallengeFormValues {
  return readFormValues(input, FORM_FIELDS, MAX_ASSIGNEES * 130 + 100);
}

function guardPersonalData(
  values: ChallengeFormValues,
  errors: Partial<Record<ChallengeFormField, string>>,
  context: ChallengeFormContext,
): GuardOutcome {
  const knownAdultNames = context.candidates.map((candidate) => candidate.name);
  let refused = false;
  const names = new Set<string>();
  const named: ChallengeFormField[] = [];
  for (const field of GUARDED_FIELDS) {
    if (field === 'raisingGroupOther' && values.raisingGroup !== 'other') continue;
    const found = checkPersonalData(values[field], { knownAdultNames });
    if (found.refused.length > 0) {
      errors[field] = personalDataMessage(found.refused);
      refused = true;
    } else if (found.possibleNames.length > 0) {
      named.push(field);
      for (const name of found.possibleNames) names.add(name);
    }
  }
  const possibleNames = [...names].sort();
  if (possibleNames.length === 0 || namesConfirmed(context.formId, possibleNames, values.confirmNotChildName))
    return { refused, unconfirmedNames: [] };
  for (const field of named) errors[field] = POSSIBLE_NAME_MESSAGE;
  return { refused, unconfirmedNames: possibleNames };
}

function resolveAssignees(
  text: string,
  people: Map<string, ChallengeCandidate>,
  errors: Partial<Record<ChallengeFormField, string>>,
): Person[] {
  const ids = [
    ...new Set(
      text
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0),
    ),
  ];
  if (ids.length > MAX_ASSIGNEES) {
    errors.assignees = `Choose at most ${MAX_ASSIGNEES} people`;
    return [];
  }
  const assignees: Person[] = [];
  for (const id of ids) {
    const person = people.get(id);
    if (!person) {
      errors.assignees = 'Choose the people from the list';
      return [];
    }
    assignees.push({ aadObjectId: person.aadObjectId, name: person.name });
  }
  return assignees;
}

function formError(
  errors: Partial<Record<ChallengeFormField, string>>,
  values: ChallengeFormValues,
  context: ChallengeFormContext,
  guarded: GuardOutcome,
): ChallengeFormError {
  const confirmation = guarded.unconfirmedNames.length > 0 ? nameConfirmation(context.formId, guarded.unconfirmedNames) : '';
  let message = 'Please correct the highlighted fields.';
  if (guarded.refused)
    message =
      "Some of this looks like a child's personal details, which challenge cards must not hold. Please take them out, then create the card again.";
  else if (confirmation && Object.keys(errors).every((field) => errors[field as ChallengeFormField] === POSSIBLE_NAME_MESSAGE)) {
    message =
      "Please check: this may name a person. Challenge cards must never name a child. If it is not a child's name, tick the box below and create the card again.";
  }
  // The box is drawn unticked again, so an earlier tick never carries over to new words.
  return new ChallengeFormError(errors, { ...values, confirmNotChildName: '' }, context, message, confirmation);
}
