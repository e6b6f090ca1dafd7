import { type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import { z } from 'zod';
import { assertValidKey, isConflict, isPreconditionFailed } from '../../../platform/storage/keys';
import {
  ATTENDANCE_SOURCES,
  ATTENDANCE_STATUSES,
  type AttendanceChange,
  type AttendancePerson,
  type AttendanceRecord,
  type AttendanceSource,
  type AttendanceStatus,
  type OccasionId,
} from '../domain/attendance';

const RECORD = 'rec|';
const CHANGE = 'chg|';
const MAX_ATTEMPTS = 5;
/** Members are written a few at a time: a 200-member list is quick without flooding the account. */
const CONCURRENCY = 8;

const recordEntitySchema = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string().optional(),
  name: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  source: z.enum(ATTENDANCE_SOURCES),
  byId: z.string(),
  byName: z.string(),
  atUtc: z.string(),
  submissionId: z.string(),
});

const changeEntitySchema = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  aadObjectId: z.string(),
  name: z.string(),
  from: z.enum(ATTENDANCE_STATUSES).optional(),
  to: z.enum(ATTENDANCE_STATUSES),
  source: z.enum(ATTENDANCE_SOURCES),
  byId: z.string(),
  byName: z.string(),
  atUtc: z.string(),
  submissionId: z.string(),
});

/** One member's wanted attendance in a submission. */
export interface WantedAttendance {
  member: AttendancePerson;
  status: AttendanceStatus;
}

export interface ApplyRequest {
  occasionId: OccasionId;
  wanted: readonly WantedAttendance[];
  by: AttendancePerson;
  source: AttendanceSource;
  /** The form's id (or a check-in's): repeated deliveries of it change nothing twice. */
  submissionId: string;
  atUtc: string;
  /**
   * When the form was drawn: a member someone else changed after this is left alone and reported,
   * so an officer working from an old list cannot silently undo a colleague's correction.
   */
  since?: string;
}

export interface ApplyResult {
  changes: AttendanceChange[];
  unchanged: number;
  /** Changed by someone else since the form was drawn, and left as they were. */
  conflicts: AttendanceRecord[];
  /** Members whose record already came from this very submission (Teams delivered it twice). */
  alreadyApplied: number;
}

type StoredRecord = AttendanceRecord & { etag: string };

/**
 * Attendance (table `attendance`): one partition per event or meeting, holding each member's
 * record (`rec|<aadObjectId>`) and an append-only history of every change
 * (`chg|<atUtc>|<aadObjectId>|<submission>`). A change writes both rows in one entity-group
 * transaction, guarded by the record's ETag (or its creation), so the history holds a row exactly
 * when its change was applied, and two submissions racing for one member apply one after the other.
 */
export class AttendanceBook {
  constructor(private readonly table: TableClient) {}

  async records(occasionId: OccasionId): Promise<AttendanceRecord[]> {
    return (await this.readRecords(occasionId)).map(({ etag: _etag, ...record }) => record);
  }

  /**
   * Only who is recorded as attending, for reports that read many occasions: the service filters
   * on the status and returns the row keys alone, so nothing else is sent or parsed.
   */
  async attendedIds(occasionId: OccasionId): Promise<string[]> {
    const partition = assertValidKey(occasionId, 'occasionId');
    const attended: AttendanceStatus = 'attended';
    const ids: string[] = [];
    const rows = this.table.listEntities({
      queryOptions: {
        filter: odata`PartitionKey eq ${partition} and RowKey ge ${RECORD} and RowKey lt ${'rec}'} and status eq ${attended}`,
        select: ['RowKey'],
      },
    });
    for await (const row of rows)
      if (typeof row.rowKey === 'string' && row.rowKey.startsWith(RECORD)) ids.push(row.rowKey.slice(RECORD.length));
    return ids;
  }

  async record(occasionId: OccasionId, aadObjectId: string): Promise<AttendanceRecord | undefined> {
    const found = await this.readRecords(occasionId, aadObjectId);
    const first = found[0];
    if (!first) return undefined;
    const { etag: _etag, ...record } = first;
    return record;
  }

  /** Every change to the occasion's attendance, oldest first. */
  async history(occasionId: OccasionId): Promise<AttendanceChange[]> {
    const partition = assertValidKey(occasionId, 'occasionId');
    const rows = this.table.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey ge ${CHANGE} and RowKey lt ${'chg}'}` },
    });
    const changes: AttendanceChange[] = [];
    for await (const row of rows) {
      const parsed = changeEntitySchema.safeParse(row);
      if (!parsed.success) throw new Error(`stored attendance change ${partition}/${String(row.rowKey)} is malformed`);
      const { byId, byName, partitionKey, rowKey: _rowKey, from, ...rest } = parsed.data;
      changes.push({ ...rest, ...(from ? { from } : {}), occasionId: partitionKey, by: { aadObjectId: byId, name: byName } });
    }
    return changes.sort((a, b) => a.atUtc.localeCompare(b.atUtc) || a.name.localeCompare(b.name, 'en-GB'));
  }

  /** Applies a submission member by member, each change with its history row in one transaction. */
  async apply(request: ApplyRequest): Promise<ApplyResult> {
    const current = new Map((await this.readRecords(request.occasionId)).map((record) => [record.aadObjectId, record]));
    const result: ApplyResult = { changes: [], unchanged: 0, conflicts: [], alreadyApplied: 0 };
    const queue = [...uniqueMembers(request.wanted)];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift())
        await this.applyOne(request, next, current.get(next.member.aadObjectId), result);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    result.changes.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    return result;
  }

  private async applyOne(
    request: ApplyRequest,
    wanted: WantedAttendance,
    known: StoredRecord | undefined,
    result: ApplyResult,
  ): Promise<void> {
    let stored = known;
    for (let attempt = 1; ; attempt++) {
      const decision = decide(request, wanted, stored);
      if (decision !== 'write') {
        if (decision === 'unchanged') result.unchanged++;
        else if (decision === 'already_applied') result.alreadyApplied++;
        else if (stored) result.conflicts.push(stored);
        return;
      }
      const change = changeOf(request, wanted, stored);
      try {
        await this.table.submitTransaction(this.actions(request, wanted, change, stored));
        result.changes.push(change);
        return;
      } catch (error) {
        if (!(isConflict(error) || isPreconditionFailed(error) || isTransactionConflict(error)) || attempt >= MAX_ATTEMPTS) throw error;
        stored = (await this.readRecords(request.occasionId, wanted.member.aadObjectId))[0];
      }
    }
  }

  private actions(
    request: ApplyRequest,
    wanted: WantedAttendance,
    change: AttendanceChange,
    stored: StoredRecord | undefined,
  ): TransactionAction[] {
    const partitionKey = assertValidKey(request.occasionId, 'occasionId');
    const aadObjectId = assertValidKey(wanted.member.aadObjectId, 'aadObjectId');
    const record = {
      partitionKey,
      rowKey: `${RECORD}${aadObjectId}`,
      name: wanted.member.name,
      status: wanted.status,
      source: request.source,
      byId: request.by.aadObjectId,
      byName: request.by.name,
      atUtc: request.atUtc,
      submissionId: request.submissionId,
    };
    const history = {
      partitionKey,
      rowKey: `${CHANGE}${request.atUtc}|${aadObjectId}|${assertValidKey(request.submissionId, 'submissionId')}`,
      aadObjectId,
      name: wanted.member.name,
      ...(change.from ? { from: change.from } : {}),
      to: change.to,
      source: request.source,
      byId: request.by.aadObjectId,
      byName: request.by.name,
      atUtc: request.atUtc,
      submissionId: request.submissionId,
    };
    const write: TransactionAction = stored ? ['update', record, 'Replace', { etag: stored.etag }] : ['create', record];
    return [write, ['create', history]];
  }

  private async readRecords(occasionId: OccasionId, aadObjectId?: string): Promise<StoredRecord[]> {
    const partition = assertValidKey(occasionId, 'occasionId');
    const filter = aadObjectId
      ? odata`PartitionKey eq ${partition} and RowKey eq ${`${RECORD}${assertValidKey(aadObjectId, 'aadObjectId')}`}`
      : odata`PartitionKey eq ${partition} and RowKey ge ${RECORD} and RowKey lt ${'rec}'}`;
    const records: StoredRecord[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter } })) {
      const parsed = recordEntitySchema.safeParse(row);
      if (!parsed.success) throw new Error(`stored attendance record ${partition}/${String(row.rowKey)} is malformed`);
      const { partitionKey, rowKey, etag, byId, byName, ...rest } = parsed.data;
      records.push({
        ...rest,
        occasionId: partitionKey,
        aadObjectId: rowKey.slice(RECORD.length),
        by: { aadObjectId: byId, name: byName },
        etag: etag ?? '*',
      });
    }
    return records;
  }
}

function decide(
  request: ApplyRequest,
  wanted: WantedAttendance,
  stored: StoredRecord | undefined,
): 'write' | 'unchanged' | 'already_applied' | 'conflict' {
  if (stored?.submissionId === request.submissionId) return 'already_applied';
  if (stored?.status === wanted.status) return 'unchanged';
  if (stored && request.since && stored.atUtc > request.since && stored.by.aadObjectId !== request.by.aadObjectId) return 'conflict';
  return 'write';
}

function changeOf(request: ApplyRequest, wanted: WantedAttendance, stored: StoredRecord | undefined): AttendanceChange {
  return {
    occasionId: request.occasionId,
    aadObjectId: wanted.member.aadObjectId,
    name: wanted.member.name,
    ...(stored ? { from: stored.status } : {}),
    to: wanted.status,
    source: request.source,
    by: request.by,
    atUtc: request.atUtc,
    submissionId: request.submissionId,
  };
}

function uniqueMembers(wanted: readonly WantedAttendance[]): WantedAttendance[] {
  const seen = new Map<string, WantedAttendance>();
  for (const entry of wanted) seen.set(entry.member.aadObjectId, entry);
  return [...seen.values()];
}

/** A failed entity-group transaction reports the failing operation's status inside a 400/202 batch response on some servers. */
function isTransactionConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EntityAlreadyExists' || code === 'UpdateConditionNotSatisfied';
}
