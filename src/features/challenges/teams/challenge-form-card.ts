import type { ChallengeFormValues } from '../domain/challenge-form';
import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface ChallengeFormCardData {
  heading: string;
  /** A message over the whole form, or empty. */
  message: string;
  /** Carried on `challenge.create`: the same form submitted twice creates one card. */
  formId: string;
  /** `YYYY-MM-DD`: the latest date raised the picker offers. */
  today: string;
  values: ChallengeFormValues;
  /** A message per field, empty where there is none. */
  errors: ChallengeFormValues;
  /** The "This is not a child's name" box's value when ticked; empty hides the box. */
  nameConfirmation: string;
  groups: { title: string; value: string }[];
  areas: { title: string; value: string }[];
  officers: { title: string; value: string }[];
  people: { title: string; value: string }[];
}

/** The officer's "new challenge" form; submits `challenge.create` with {formId} plus the inputs. */
export function renderChallengeFormCard(data: ChallengeFormCardData): AdaptiveCardJson {
  return cardTemplate('challenge-form').expand(data);
}
