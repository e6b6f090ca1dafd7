import type { TableClient } from '@azure/data-tables';
import type { Clock } from '../../../platform/time/clock';
import { assertValidKey } from '../../../platform/storage/keys';
import { jsonObjectSchema, parseStoredJson } from '../../../platform/storage/stored-json';

const PARTITION = 'team';

/** A Team the bot is installed in: where an event's audience can be drawn from. */
export interface InstalledTeam {
  teamId: string;
  name: string;
  /** The team's General channel conversation, opaque JSON owned by src/platform/teams. */
  conversationReference: Record<string, unknown>;
  installed: boolean;
}

interface TeamEntity {
  partitionKey: string;
  rowKey: string;
  name: string;
  conversationReference: string;
  installed: boolean;
  updatedUtc: string;
}

/** Teams the bot has been added to, recorded from installationUpdate in team scope. */
export class TeamRegistry {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  async installed(team: Omit<InstalledTeam, 'installed'>): Promise<void> {
    await this.table.upsertEntity<TeamEntity>(
      {
        partitionKey: PARTITION,
        rowKey: assertValidKey(team.teamId, 'teamId'),
        name: team.name.slice(0, 200),
        conversationReference: JSON.stringify(team.conversationReference),
        installed: true,
        updatedUtc: this.clock.now().toUTC().toISO()!,
      },
      'Replace',
    );
  }

  async removed(teamId: string): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: PARTITION,
        rowKey: assertValidKey(teamId, 'teamId'),
        installed: false,
        updatedUtc: this.clock.now().toUTC().toISO()!,
      },
      'Merge',
    );
  }

  async list(): Promise<InstalledTeam[]> {
    const teams: InstalledTeam[] = [];
    for await (const entity of this.table.listEntities<TeamEntity>({ queryOptions: { filter: `PartitionKey eq '${PARTITION}'` } })) {
      if (!entity.conversationReference) continue;
      teams.push({
        teamId: entity.rowKey,
        name: entity.name,
        conversationReference: parseStoredJson(
          jsonObjectSchema,
          entity.conversationReference,
          `team ${entity.rowKey} conversation reference`,
        ),
        installed: entity.installed,
      });
    }
    return teams.filter((team) => team.installed).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }
}
