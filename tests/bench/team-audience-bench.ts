import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EmbeddedAzurite } from '../../src/platform/storage/embedded-azurite';
import { TableStore } from '../../src/platform/storage/table-store';
import { batchIds } from '../../src/shared/keys';
import { aForm } from '../unit/events/event-fixtures';
import { aTeam, officer, teamAudienceRig } from '../integration/events/team-audience-rig';

const MEMBERS = 100;
const LATENCY_MS = 100;

/**
 * Issue 11 item 5, measured: an event for a Team of 100 people the bot has never met, the
 * emulated connector answering every request after 100 ms. Prints how long the officer waits for
 * the answer (and how many requests to Teams it made), how long the background invitation takes,
 * and, as the baseline, the same roster read and 1:1 chats done one after another as the invoke
 * used to do them. Target: the answer is a small fraction of the baseline and makes no request to Teams.
 */
export async function runTeamAudienceBench(azurite: EmbeddedAzurite): Promise<void> {
  console.log(`\nteam audience (${MEMBERS} members new to the bot, connector answering in ${LATENCY_MS} ms)`);
  const run = async (prefix: string) =>
    teamAudienceRig({ latencyMs: LATENCY_MS }, await prepared(new TableStore(azurite.connectionString, prefix)));

  const rig = await run('benchteam1');
  try {
    const team = aTeam(rig.connector, 'bench-foster-carers', MEMBERS);
    await rig.install(team.teamId, 'Foster carers', team.members);
    const instance = rig.instance();
    const start = rig.clock.now().plus({ days: 60 }).set({ hour: 18, minute: 0 });
    const form = aForm({
      formId: randomUUID(),
      start: start.toFormat("yyyy-MM-dd'T'HH:mm"),
      end: start.plus({ hours: 2 }).toFormat("yyyy-MM-dd'T'HH:mm"),
      rsvpBy: '',
      audience: `team:${team.teamId}`,
    });
    const t0 = performance.now();
    const card = await instance.desk.create(officer, form);
    const answerMs = performance.now() - t0;
    const requestsDuringAnswer = rig.connector.requests;
    const eventId = /"eventId":"(ev-[0-9a-f]{24})"/.exec(JSON.stringify(card))![1]!;
    const t1 = performance.now();
    await instance.drain();
    const backgroundMs = performance.now() - t1;
    const queued = (await rig.delivery.progress(batchIds.eventVersion(eventId, 0, 'invitation'))).queued;

    // Baseline: what the invoke used to do inline, on a second Team of the same size: every page, every 1:1 chat, one at a time.
    const baselineRig = await run('benchteam2');
    try {
      const other = aTeam(baselineRig.connector, 'bench-virtual-school', MEMBERS);
      await baselineRig.install(other.teamId, 'Virtual School', other.members);
      const inline = baselineRig.instance({ roster: { concurrency: 1 } }).roster;
      const t2 = performance.now();
      let token: string | undefined;
      do token = (await inline.readPage(other.teamId, token)).continuationToken;
      while (token);
      const inlineMs = performance.now() - t2;
      console.log(
        `  officer's answer ${answerMs.toFixed(0)} ms with ${requestsDuringAnswer} requests to Teams (target 0); ` +
          `background invitation of ${queued}/${MEMBERS} in ${backgroundMs.toFixed(0)} ms (${rig.connector.rosterReads.length} roster pages, ${rig.connector.createdConversations.length} chats opened, 4 at a time)`,
      );
      console.log(
        `  baseline, the roster and chats inline as before: ${inlineMs.toFixed(0)} ms; answer / baseline = ${(answerMs / inlineMs).toFixed(3)} (target < 0.1)`,
      );
    } finally {
      await baselineRig.close();
    }
  } finally {
    await rig.close();
  }
}

async function prepared(store: TableStore): Promise<TableStore> {
  await store.ensureTables();
  return store;
}
