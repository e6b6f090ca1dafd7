import {
  type ChallengeFormContext,
  ChallengeFormError,
  validateChallengeForm,
} from '../../../src/features/challenges/domain/challenge-form';
import { nameConfirmation } from '../../../src/features/challenges/domain/personal-data-guard';
import { candidates, cllrMartin, cllrPriya, leadSam } from './challenge-fixtures';

const context: ChallengeFormContext = { formId: 'f0e1d2c3-b4a5-4968-8776-655443322110', today: '2026-08-10', candidates };
const valid = {
  title: '  Council tax help  ',
  words: 'When we leave care we get council tax bills straight away.',
  raisingGroup: 'young_adult_council',
  raisingGroupOther: 'ignored unless other',
  raisedOn: '2026-08-10',
  priorityArea: 'successful_adults',
  leadOfficer: leadSam.aadObjectId,
  assignees: `${cllrPriya.aadObjectId},${cllrMartin.aadObjectId},${cllrPriya.aadObjectId}`,
  dueOn: '2026-09-30',
};

function errorsFor(input: object): Partial<Record<string, string>> {
  try {
    validateChallengeForm(input, context);
  } catch (error) {
    if (error instanceof ChallengeFormError) return error.fieldErrors;
    throw error;
  }
  throw new Error('expected a ChallengeFormError');
}

describe('challenge form', () => {
  it('validates a good form, trimming text and resolving people from their ids server-side', () => {
    expect(validateChallengeForm({ ...valid, leadOfficerName: 'Spoofed' }, context)).toEqual({
      title: 'Council tax help',
      words: valid.words,
      raisingGroup: 'young_adult_council',
      raisedOn: '2026-08-10',
      priorityArea: 'successful_adults',
      leadOfficer: { aadObjectId: leadSam.aadObjectId, name: leadSam.name },
      assignees: [
        { aadObjectId: cllrPriya.aadObjectId, name: cllrPriya.name },
        { aadObjectId: cllrMartin.aadObjectId, name: cllrMartin.name },
      ],
      dueOn: '2026-09-30',
    });
  });

  it('keeps the group name only for another group, and requires it then', () => {
    expect(
      validateChallengeForm({ ...valid, raisingGroup: 'other', raisingGroupOther: 'Medway care leavers drop-in' }, context)
        .raisingGroupOther,
    ).toBe('Medway care leavers drop-in');
    expect(errorsFor({ ...valid, raisingGroup: 'other', raisingGroupOther: ' ' })).toEqual({
      raisingGroupOther: 'Name the group (never a child)',
    });
  });

  it('reports every problem at once, beside its field, keeping what was typed', () => {
    try {
      validateChallengeForm(
        {
          title: '',
          words: 'x',
          raisingGroup: 'a child',
          raisedOn: '2026-13-01',
          priorityArea: '',
          leadOfficer: '',
          dueOn: 'soon',
          assignees: 'nobody',
        },
        context,
      );
      throw new Error('expected a ChallengeFormError');
    } catch (error) {
      if (!(error instanceof ChallengeFormError)) throw error;
      expect(Object.keys(error.fieldErrors).sort()).toEqual(['dueOn', 'leadOfficer', 'priorityArea', 'raisedOn', 'raisingGroup', 'title']);
      expect(error.values.raisingGroup).toBe('a child');
      expect(error.context).toBe(context);
      expect(error.code).toBe('invalid_input');
    }
  });

  it('checks dates against today and each other', () => {
    expect(errorsFor({ ...valid, raisedOn: '2026-08-11' })).toEqual({ raisedOn: 'The date raised cannot be in the future' });
    expect(errorsFor({ ...valid, raisedOn: '2014-12-31' })).toEqual({ raisedOn: 'Challenge cards began in 2015: check the year' });
    expect(errorsFor({ ...valid, dueOn: '2026-08-09' })).toEqual({ dueOn: 'The due date must be on or after the date raised' });
    expect(errorsFor({ ...valid, dueOn: '2026-02-30' })).toEqual({ dueOn: 'That date does not exist' });
  });

  it('the lead must be an officer; people must come from the list', () => {
    expect(errorsFor({ ...valid, leadOfficer: cllrPriya.aadObjectId })).toEqual({
      leadOfficer: 'Cllr Priya Shah is not an officer: the lead must be an officer',
    });
    expect(errorsFor({ ...valid, leadOfficer: 'someone-else' })).toEqual({ leadOfficer: 'Choose the lead officer from the list' });
    expect(errorsFor({ ...valid, assignees: `${cllrPriya.aadObjectId},stranger` })).toEqual({
      assignees: 'Choose the people from the list',
    });
  });

  it("refuses a child's personal details, naming what was found without echoing it", () => {
    try {
      validateChallengeForm(
        {
          ...valid,
          words: 'Jamie (DOB 14/05/2009, 07700 900123) wants a bus pass',
          raisingGroup: 'other',
          raisingGroupOther: 'jamie@example.com',
        },
        context,
      );
      throw new Error('expected a ChallengeFormError');
    } catch (error) {
      if (!(error instanceof ChallengeFormError)) throw error;
      expect(error.userMessage).toMatch(/personal details/);
      expect(error.fieldErrors.words).toMatch(/^This looks like it contains a date of birth and a phone number/);
      expect(error.fieldErrors.raisingGroupOther).toMatch(/an email address/);
      expect(JSON.stringify(error.fieldErrors)).not.toMatch(/07700|14\/05|jamie@/);
    }
  });

  it('asks about a possible name, and creates once the box is ticked for those names on this form', () => {
    const named = { ...valid, title: 'Bus pass for Jamie', words: 'Jamie and Tyler asked why the bus pass takes so long.' };
    let asked: ChallengeFormError | undefined;
    try {
      validateChallengeForm(named, context);
    } catch (error) {
      if (error instanceof ChallengeFormError) asked = error;
    }
    expect(asked?.fieldErrors).toEqual({
      title: expect.stringMatching(/may contain a person's name/),
      words: expect.stringMatching(/may contain a person's name/),
    });
    expect(asked?.userMessage).toMatch(/^Please check/);
    expect(JSON.stringify(asked?.fieldErrors)).not.toMatch(/jamie|tyler/i);
    expect(asked?.nameConfirmation).toBe(nameConfirmation(context.formId, ['jamie', 'tyler']));
    expect(validateChallengeForm({ ...named, confirmNotChildName: asked?.nameConfirmation }, context).words).toBe(named.words);
    // Another form's confirmation, a bare "true" or a new name is asked about again; other checks still apply.
    expect(errorsFor({ ...named, confirmNotChildName: nameConfirmation('another-form', ['jamie', 'tyler']) }).words).toMatch(
      /person's name/,
    );
    expect(errorsFor({ ...named, confirmNotChildName: 'true' }).words).toMatch(/person's name/);
    expect(errorsFor({ ...named, words: `${named.words} Chloe too.`, confirmNotChildName: asked?.nameConfirmation }).words).toMatch(
      /person's name/,
    );
    expect(errorsFor({ ...named, words: 'Jamie: 07700 900123', confirmNotChildName: asked?.nameConfirmation }).words).toMatch(
      /a phone number/,
    );
  });

  it("does not ask about the people on the form's own lists", () => {
    expect(validateChallengeForm({ ...valid, words: 'Priya Shah promised to take this to Cabinet.' }, context).words).toMatch(/Priya Shah/);
  });

  it('ignores values that are not strings and over-long junk', () => {
    expect(errorsFor({ ...valid, title: 42, words: 'x'.repeat(5000) })).toEqual({
      title: 'Give the challenge a short title',
      words: 'The challenge must be at most 2000 characters',
    });
  });
});
