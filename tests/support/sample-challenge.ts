import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../src/app/app';
import type { AdaptiveCardJson } from '../../src/shared/cards/card-template';
import type { Actor } from '../../src/shared/access/actor';

/** A challenge as a children's council raised it (Kent's real outcome: council-tax help for care leavers). */
export const COUNCIL_TAX_CHALLENGE = {
  title: 'Help with council tax for care leavers',
  words: 'When we leave care we have to pay council tax straight away and it is really hard. Can the council help?',
  raisingGroup: 'young_adult_council',
  raisingGroupOther: '',
  raisedOn: '2026-11-20',
  priorityArea: 'successful_adults',
  dueOn: '2027-01-31',
} as const;

/** Records the sample challenge through the use case, `by` leading it and assigned to it unless `overrides` say otherwise. */
export function raiseSampleChallenge(
  app: RunningApp,
  by: Actor,
  overrides: Partial<Record<keyof typeof COUNCIL_TAX_CHALLENGE | 'leadOfficer' | 'assignees', string>> = {},
): Promise<AdaptiveCardJson> {
  return app.services.challenges.create(by, {
    formId: randomUUID(),
    ...COUNCIL_TAX_CHALLENGE,
    leadOfficer: by.aadObjectId,
    assignees: by.aadObjectId,
    ...overrides,
  });
}
