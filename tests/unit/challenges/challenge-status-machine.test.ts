import { CHALLENGE_STATUSES, type ChallengeStatus } from '../../../src/features/challenges/domain/challenge';
import {
  TRANSITIONS,
  canMove,
  needsExplanation,
  nextStatuses,
  transitionProblem,
} from '../../../src/features/challenges/domain/challenge-status-machine';

describe('challenge status machine', () => {
  it('allows exactly the moves of the process', () => {
    const allowed = CHALLENGE_STATUSES.flatMap((from) => nextStatuses(from).map((to) => `${from}->${to}`));
    expect(allowed.sort()).toEqual(
      [
        'received->accepted',
        'received->declined',
        'received->redirected',
        'accepted->in_progress',
        'accepted->completed',
        'in_progress->completed',
        'completed->informed',
        'declined->informed',
      ].sort(),
    );
  });

  it('has a row for every status, and redirected and informed are final', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...CHALLENGE_STATUSES].sort());
    expect(nextStatuses('redirected')).toEqual([]);
    expect(nextStatuses('informed')).toEqual([]);
  });

  it.each<[ChallengeStatus, ChallengeStatus]>([
    ['received', 'in_progress'],
    ['received', 'completed'],
    ['received', 'informed'],
    ['accepted', 'informed'],
    ['in_progress', 'informed'],
    ['in_progress', 'declined'],
    ['redirected', 'informed'],
    ['informed', 'completed'],
    ['completed', 'in_progress'],
  ])('refuses %s -> %s, saying what is possible', (from, to) => {
    expect(canMove(from, to)).toBe(false);
    expect(transitionProblem(from, to, { explanation: 'x' })).toMatch(/cannot be marked/);
  });

  it('names the moves that are possible, or that none are', () => {
    expect(transitionProblem('received', 'completed', {})).toBe(
      'A card that is received cannot be marked completed. From here it can move to: Accepted, Declined, Redirected.',
    );
    expect(transitionProblem('informed', 'completed', {})).toBe(
      'A card that is young people informed cannot be marked completed. It cannot change any more.',
    );
  });

  it('declined, redirected and completed need the explanation that goes back to the young people', () => {
    expect(transitionProblem('received', 'declined', {})).toMatch(/Say why the challenge cannot be met/);
    expect(transitionProblem('received', 'redirected', {})).toMatch(/which professional/);
    expect(transitionProblem('in_progress', 'completed', { explanation: '' })).toMatch(/Describe the outcome/);
    expect(transitionProblem('accepted', 'completed', {})).toMatch(/Describe the outcome/);
    expect(transitionProblem('received', 'declined', { explanation: 'National rules' })).toBeUndefined();
    expect(needsExplanation('in_progress', 'completed')).toBe(true);
    expect(needsExplanation('received', 'accepted')).toBe(false);
  });

  it('informed only after completed or declined, with nothing more needed', () => {
    expect(transitionProblem('completed', 'informed', {})).toBeUndefined();
    expect(transitionProblem('declined', 'informed', {})).toBeUndefined();
  });
});
