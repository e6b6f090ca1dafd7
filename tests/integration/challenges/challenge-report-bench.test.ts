import { testTableStore } from '../../support/test-storage';
import { runChallengeReportBench } from './challenge-report-bench';

/** Opt-in (it seeds ~60,000 rows): CHALLENGE_BENCH=1 npx jest tests/integration/challenges/challenge-report-bench.test.ts */
const bench = process.env.CHALLENGE_BENCH === '1' ? describe : describe.skip;

bench('challenge report benchmark (10,000 cards over 5 years)', () => {
  it('generates the quarterly report in under a second', async () => {
    const store = await testTableStore();
    const result = await runChallengeReportBench(store.client('challenges'));
    console.log(JSON.stringify(result, null, 2));
    const quarter = result.timings.find((t) => t.name === 'report Q3 2026');
    expect(quarter?.medianMs).toBeLessThan(1000);
  }, 600_000);
});
