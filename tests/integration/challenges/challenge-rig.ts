import { randomUUID } from 'node:crypto';
import { ChallengeRepository } from '../../../src/features/challenges/data/challenge-repository';
import { ChallengeService } from '../../../src/features/challenges/challenge-service';
import type { Actor } from '../../../src/shared/access/actor';
import { AuditLog } from '../../../src/features/audit/data/audit-log';
import { ManualClock } from '../../../src/platform/time/clock';
import { testTableStore } from '../../support/test-storage';
import { candidates, cllrMartin, cllrPriya, leadSam } from '../../unit/challenges/challenge-fixtures';

/** A service on a fresh table prefix in the run's Azurite, with a clock standing at 10 August 2026. */
export async function challengeRig(start = '2026-08-10T09:00:00Z') {
  const store = await testTableStore();
  const table = store.client('challenges');
  const repository = new ChallengeRepository(table);
  const clock = new ManualClock(start);
  const audit = new AuditLog(store.client('audit'), clock);
  const service = new ChallengeService(repository, { candidates: async () => candidates }, clock, audit);
  return { table, repository, clock, service, audit };
}

/** The create form's data as the card posts it. */
export function formData(overrides: Record<string, string> = {}) {
  return {
    formId: randomUUID(),
    title: 'Help with council tax for care leavers',
    words: 'When we leave care we get council tax bills straight away and nobody tells us what to do.',
    raisingGroup: 'young_adult_council',
    raisingGroupOther: '',
    raisedOn: '2026-08-10',
    priorityArea: 'successful_adults',
    leadOfficer: leadSam.aadObjectId,
    assignees: `${cllrPriya.aadObjectId},${cllrMartin.aadObjectId}`,
    dueOn: '2026-09-30',
    ...overrides,
  };
}

/** The respond card's data: {reference, version} plus the inputs. */
export function respondData(reference: string, version: number, values: { response?: string; status?: string; explanation?: string }) {
  return { reference, version, response: values.response ?? '', status: values.status ?? 'keep', explanation: values.explanation ?? '' };
}

export type Rig = Awaited<ReturnType<typeof challengeRig>>;

export async function respond(
  rig: Rig,
  actor: Actor,
  reference: string,
  version: number,
  values: { response?: string; status?: string; explanation?: string },
) {
  return rig.service.respond(actor, respondData(reference, version, values));
}
