import type { Challenge, ChallengeEvent, ChallengeStatus, StatusChange } from '../../../src/features/challenges/domain/challenge';
import type { ChallengeCandidate } from '../../../src/features/challenges/domain/challenge-form';
import { type ChallengeSummary, summaryOf } from '../../../src/features/challenges/domain/challenge-summary';
import type { Actor } from '../../../src/shared/access/actor';

export const officerAlex: Actor = {
  aadObjectId: '11111111-1111-4111-8111-111111111111',
  name: 'Alex Morgan (Participation Officer)',
  tenantId: 'kent',
  role: 'officer',
};
export const leadSam: Actor = {
  aadObjectId: '22222222-2222-4222-8222-222222222222',
  name: 'Sam Patel (Virtual School Kent)',
  tenantId: 'kent',
  role: 'officer',
};
export const cllrPriya: Actor = {
  aadObjectId: '33333333-3333-4333-8333-333333333333',
  name: 'Cllr Priya Shah',
  tenantId: 'kent',
  role: 'panel',
};
export const cllrMartin: Actor = {
  aadObjectId: '44444444-4444-4444-8444-444444444444',
  name: 'Cllr Martin Hughes',
  tenantId: 'kent',
  role: 'panel',
};
export const cllrOutsider: Actor = {
  aadObjectId: '55555555-5555-4555-8555-555555555555',
  name: 'Cllr Jo Bloggs',
  tenantId: 'kent',
  role: 'panel',
};

export const candidates: ChallengeCandidate[] = [officerAlex, leadSam, cllrPriya, cllrMartin, cllrOutsider].map(
  ({ aadObjectId, name, role }) => ({ aadObjectId, name, role }),
);

const person = (actor: Actor) => ({ aadObjectId: actor.aadObjectId, name: actor.name });

/** A card raised by OCYPC on 14 July 2026, due 30 September 2026, assigned to Cllr Shah and Cllr Hughes. */
export function aChallenge(overrides: Partial<Challenge> = {}): Challenge {
  return {
    reference: 'CC-2026-014',
    title: 'Help with council tax for care leavers',
    words:
      'When we leave care we get council tax bills straight away and nobody tells us what to do. Can Kent help like other councils do?',
    raisingGroup: 'ocypc',
    raisedOn: '2026-07-14',
    priorityArea: 'successful_adults',
    leadOfficer: person(leadSam),
    assignees: [person(cllrPriya), person(cllrMartin)],
    dueOn: '2026-09-30',
    status: 'received',
    statusChanges: [{ status: 'received', atUtc: '2026-07-13T23:00:00.000Z' }],
    version: 1,
    createdBy: person(officerAlex),
    createdAtUtc: '2026-07-14T10:00:00.000Z',
    updatedAtUtc: '2026-07-14T10:00:00.000Z',
    ...overrides,
  };
}

/** A summary with a status history given as [status, UTC instant] pairs after 'received' at the start of raisedOn. */
export function aSummary(
  reference: string,
  options: {
    raisedOn: string;
    dueOn: string;
    changes?: [ChallengeStatus, string][];
    firstResponseAtUtc?: string;
    explanation?: string;
    priorityArea?: Challenge['priorityArea'];
  },
): ChallengeSummary {
  const changes: StatusChange[] = [
    { status: 'received', atUtc: `${options.raisedOn}T00:00:00.000Z` },
    ...(options.changes ?? []).map(([status, atUtc]) => ({ status, atUtc })),
  ];
  const challenge = aChallenge({
    reference,
    title: `Challenge ${reference}`,
    raisedOn: options.raisedOn,
    dueOn: options.dueOn,
    status: changes[changes.length - 1]!.status,
    statusChanges: changes,
    priorityArea: options.priorityArea ?? 'successful_adults',
  });
  if (options.firstResponseAtUtc) challenge.firstResponseAtUtc = options.firstResponseAtUtc;
  if (options.explanation) challenge.explanation = options.explanation;
  return summaryOf(challenge);
}

export function anEvent(overrides: Partial<ChallengeEvent> = {}): ChallengeEvent {
  return {
    reference: 'CC-2026-014',
    key: 'created',
    by: person(officerAlex),
    atUtc: '2026-07-14T10:00:00.000Z',
    kind: 'created',
    toStatus: 'received',
    ...overrides,
  };
}
