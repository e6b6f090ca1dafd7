import os from 'node:os';
import { runBroadcastBench } from './broadcast-bench';
import { printChallengeReportBench } from './challenge-report-bench';
import { printEvidenceBench } from './evidence-bench';
import { startEmbeddedAzurite } from '../../src/platform/storage/embedded-azurite';
import { runReminderBench } from './reminder-bench';
import { runRemitBench } from './remit-bench';
import { runPersonalDataGuardBench } from './personal-data-guard-bench';
import { runTeamAudienceBench } from './team-audience-bench';

/** `npm run bench`: every benchmark, each printing its figures and its ratio to a baseline run in this process. */
async function main(): Promise<void> {
  console.log(`bench: node ${process.version}, ${new Date().toISOString()}, ${machineLoad()}`);
  await runRemitBench();
  runPersonalDataGuardBench();
  await runReminderBench();
  await runBroadcastBench();
  const azurite = await startEmbeddedAzurite();
  try {
    await runTeamAudienceBench(azurite);
    await printChallengeReportBench(azurite.connectionString);
    await printEvidenceBench(azurite.connectionString);
  } finally {
    await azurite.stop();
  }
  console.log(`bench: done, ${machineLoad()}`);
}

/** The figures mean little on a busy machine: say how busy it was. */
function machineLoad(): string {
  const [one, five] = os.loadavg().map((load) => load.toFixed(2));
  return `${os.cpus().length} CPUs, load average ${one} (1 min) ${five} (5 min)`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
