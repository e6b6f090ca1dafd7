import { checkPersonalData } from '../../src/features/challenges/domain/personal-data-guard';
import { ms } from './bench-stats';

/**
 * The personal-data guard on 3,000, 30,000 and 300,000 characters of realistic and of hostile
 * text. Linear time shows as a ratio near 10 between each size and the next; the e-mail pattern
 * it replaced is timed on the same text as the baseline (quadratic: about 100x per 10x).
 */
const SIZES = [3_000, 30_000, 300_000] as const;

const INPUTS: Record<string, string> = {
  'card text':
    'When we leave care we get council tax bills straight away. Jamie asked if Kent can help, like the 2 councils in Q3 2026 did (see Section 3.4.12). Call 0800 1111 or email. ',
  'one long word': 'a',
  'e-mail local part without @': 'jamie.smith_',
  'names in one sentence': 'Jamie Chloe Tyler ',
  'digits and separators': '07 7-0.0/9 ',
  '"at" and "dot" words': 'jamie at gmail dot ',
  'addresses without streets': '12 High Mill ',
};

/** The e-mail pattern the guard used before: restarts inside every word, so quadratic. */
const OLD_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;

function textOf(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * Best of a few runs, in this process's CPU time (user + system), not wall time: on a machine
 * shared with other work, wall time mostly measures the neighbours.
 */
function bestOf(runs: number, work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    (globalThis as { gc?: () => void }).gc?.(); // start each run without the last one's garbage
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

export function runPersonalDataGuardBench(): void {
  console.log('\npersonal-data guard (CPU time, best of 100 / 10 / 3 runs; ratio = time / time at the size 10x smaller; linear is ~10x)');
  checkPersonalData(textOf(INPUTS['card text']!, 3_000)); // load the name lists and compromise once
  for (const [name, unit] of Object.entries(INPUTS)) {
    checkPersonalData(textOf(unit, 30_000)); // let the JIT see this shape of text before timing it
    // More runs of the small sizes: their best is then as little disturbed as the large one's.
    const times = SIZES.map((size) => bestOf(Math.max(3, 300_000 / size), () => checkPersonalData(textOf(unit, size))));
    const ratios = times.slice(1).map((time, index) => (time / times[index]!).toFixed(1));
    console.log(
      `  ${name.padEnd(30)} ${SIZES.map((size, index) => `${size.toLocaleString('en-GB')}: ${ms(times[index]!)}`).join('  ')}  ratios ${ratios.join(' / ')}`,
    );
  }
  const oldTimes = [3_000, 30_000].map((size) => bestOf(1, () => OLD_EMAIL.test(textOf(INPUTS['e-mail local part without @']!, size))));
  console.log(
    `  baseline: previous e-mail pattern alone, 3,000: ${ms(oldTimes[0]!)}  30,000: ${ms(oldTimes[1]!)}  ratio ${(oldTimes[1]! / oldTimes[0]!).toFixed(1)}`,
  );
}
