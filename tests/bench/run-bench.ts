import os from 'node:os';
import { runBroadcastBench } from './broadcast-bench';
import { printChallengeReportBench } from './challenge-report-bench';
import { printEvidenceBench } from './evidence-bench';
import { startEmbeddedAzurite } from '../../src/platform/storage/embedded-azurite';
import { runReminderBench } from './reminder-bench';
import { runRemitBench } from './remit-bench';
import { runPersonalDataGuardBench } from './personal-data-guard-bench';
import { runTeamAudienceBench } from './team-audience-bench';

/** Each section of the bench; the evidence figures use the 10,000 cards the challenge report section seeds. */
const SECTIONS: Record<string, () => Promise<void>> = {
  remit: () => runRemitBench(),
  guard: async () => runPersonalDataGuardBench(),
  reminders: () => runReminderBench(),
  broadcast: () => runBroadcastBench(),
  reports: async () => {
    const azurite = await startEmbeddedAzurite();
    try {
      await runTeamAudienceBench(azurite);
      await printChallengeReportBench(azurite.connectionString);
      await printEvidenceBench(azurite.connectionString, azurite.pid);
    } finally {
      await azurite.stop();
    }
  },
};

/**
 * `npm run bench`: every benchmark, each printing its figures and its ratio to a baseline run in
 * this process; `npm run bench -- reports` (or any of the section names) runs only those. A
 * section that fails is reported and the others still run; the exit code says one failed.
 */
async function main(): Promise<number> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) {
    console.error(`bench: no section ${unknown.join(', ')}; the sections are ${Object.keys(SECTIONS).join(', ')}`);
    return 2;
  }
  console.log(`bench: node ${process.version}, ${new Date().toISOString()}, ${machineLoad()}`);
  const failed: string[] = [];
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (asked.length > 0 && !asked.includes(name)) continue;
    try {
      await run();
    } catch (error) {
      failed.push(name);
      console.error(`bench: the ${name} section failed (${machineLoad()}):`, error);
    }
  }
  console.log(`bench: done${failed.length > 0 ? `, FAILED: ${failed.join(', ')}` : ''}; ${machineLoad()}`);
  return failed.length > 0 ? 1 : 0;
}

/** The figures mean little on a busy machine: say how busy it was. */
function machineLoad(): string {
  const [one, five] = os.loadavg().map((load) => load.toFixed(2));
  return `${os.cpus().length} CPUs, load average ${one} (1 min) ${five} (5 min)`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
