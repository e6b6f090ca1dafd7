import type { EventRepository } from '../features/events';
import type { Clock } from '../platform/time/clock';
import { loadSampleEventDefinition, seedSampleEvent } from './sample-event';
import { SAMPLE_COMMITTEE_ID, SampleModernGov, loadSampleRecording } from './sample-moderngov';
import { startSampleModernGovServer } from './sample-moderngov-server';
import type { RoleDirectory } from '../features/members';
import { loadSampleRoles, seedSampleRoles } from './sample-roles';

/** The sample world of a local run: a loopback ModernGov to sync from, and one participation event. */
export interface SampleData {
  /** The ModernGov site the meeting sync reads instead of the council's. */
  readonly moderngov: { baseUrl: string; committeeId: string };
  /** Adds the sample event (once: an existing one is kept). Returns its title and start. */
  seedEvent(events: EventRepository): Promise<{ title: string; startUtc: string }>;
  /** Gives the Playground's users their sample roles (src/local/sample/roles.yaml) where none is set. */
  seedRoles(roles: RoleDirectory): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the sample ModernGov server on a free loopback port; files come from src/local/sample/. */
export async function startSampleData(clock: Clock): Promise<SampleData> {
  const definition = loadSampleEventDefinition();
  const sampleRoles = loadSampleRoles();
  const server = await startSampleModernGovServer(new SampleModernGov(loadSampleRecording(), clock));
  return {
    moderngov: { baseUrl: server.url, committeeId: SAMPLE_COMMITTEE_ID },
    seedEvent: async (events) => {
      const event = await seedSampleEvent(events, definition, clock);
      return { title: event.title, startUtc: event.startUtc };
    },
    seedRoles: (roles) => seedSampleRoles(roles, sampleRoles),
    stop: () => server.stop(),
  };
}
