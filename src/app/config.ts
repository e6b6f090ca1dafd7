import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { DateTime, Duration } from 'luxon';
import { z } from 'zod';
import { parseReminderOffsets } from '../features/meetings';
import { type BulletinSchedule, parseBulletinSchedule } from '../features/calendar';
import { instanceNameFrom } from '../platform/delivery/instance-identity';
import { LONDON } from '../platform/time/clock';
import { RETENTION_SETTINGS } from '../features/privacy';
import type { RetentionKind, RetentionSettings } from '../shared/personal-data';

/**
 * Every setting the bot reads, validated once at start-up. This is the only module that reads
 * process.env; a bad value stops the start with a message naming the variable.
 */
const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim().length > 0 ? value.trim() : undefined));

const objectId = /^[A-Za-z0-9._:-]{1,128}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const environmentSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText.pipe(z.union([z.ipv4(), z.ipv6(), z.literal('localhost'), z.undefined()])),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MicrosoftAppTenantId: optionalText,
  ALLOWED_TENANT_IDS: commaList,
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  AZURE_STORAGE_ACCOUNT_URL: optionalText.pipe(
    z.union([
      z.url({
        protocol: /^https$/,
        error: "must be the https address of the storage account's Table service, e.g. https://<account>.table.core.windows.net",
      }),
      z.undefined(),
    ]),
  ),
  AZURE_CLIENT_ID: optionalText.pipe(
    z.union([z.string().regex(GUID, 'must be the client id (a GUID) of the managed identity that reaches storage'), z.undefined()]),
  ),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.pipe(
    z.union([
      z
        .string()
        .regex(
          /(^|;)\s*InstrumentationKey\s*=\s*[0-9a-f-]{36}/i,
          'must be the Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...)',
        ),
      z.undefined(),
    ]),
  ),
  SAMPLE_DATA: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, 'must be 1-20 letters or digits, starting with a letter')
    .optional(),
  ADMIN_AAD_OBJECT_IDS: commaList.pipe(z.array(z.string().regex(objectId, 'each id must be an Entra object id'))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  PUBLIC_BASE_URL: optionalText.pipe(z.union([z.url({ protocol: /^https?$/ }), z.undefined()])),
  MODERNGOV_URL: optionalText.pipe(z.union([z.url({ protocol: /^https?$/ }), z.undefined()])),
  MODERNGOV_COMMITTEE_ID: optionalText.pipe(
    z.union([z.string().regex(/^\d{1,9}$/, 'must be the numeric ModernGov committee id'), z.undefined()]),
  ),
  MEETINGS_ICAL_URL: optionalText.pipe(z.union([z.url({ protocol: /^https?$/ }), z.undefined()])),
  MEETINGS_SYNC_INTERVAL: isoDuration('PT1H', { minimumSeconds: 60, maximumSeconds: 7 * 86400 }),
  REMINDER_OFFSETS: parsedWith(parseReminderOffsets, 'P7D,P1D'),
  SCHEDULER_POLL_INTERVAL: isoDuration('PT30S', { minimumSeconds: 1 }),
  EVENT_MIN_NOTICE: isoDuration('P14D', { minimumSeconds: 0 }),
  BULLETIN_SCHEDULE: parsedWith(parseBulletinSchedule, 'MON 08:00'),
  CHALLENGE_NUDGE_INTERVAL: isoDuration('P7D', { minimumSeconds: 3600 }),
  APOLOGY_NOTICE_DELAY: isoDuration('PT3M', { minimumSeconds: 0, maximumSeconds: 3600 }),
  PANEL_CHANNEL: optionalText.pipe(
    z.union([z.string().regex(/^[^/\\#?\u0000-\u001f]{1,200}$/, 'must be the id of a Team the bot is installed in'), z.undefined()]),
  ),
  OFFICERS_CHANNEL: optionalText.pipe(
    z.union([z.string().regex(/^[^/\\#?\u0000-\u001f]{1,200}$/, 'must be the id of a Team the bot is installed in'), z.undefined()]),
  ),
  OFFICER_QUESTION_NUDGE_AFTER: z.coerce
    .number({ error: 'must be a whole number of working days' })
    .int('must be a whole number of working days')
    .min(1, 'must be at least 1 working day')
    .max(20, 'must be at most 20 working days')
    .default(2),
  KNOWLEDGE_SYNC_INTERVAL: isoDuration('PT5S', { minimumSeconds: 1, maximumSeconds: 3600 }),
  ELECTION_DATE: optionalText.pipe(
    z.union([
      z
        .string()
        .refine(
          isPastElectionDate,
          'must be the date of the last county council election, written YYYY-MM-DD (e.g. 2025-05-01), not in the future',
        ),
      z.undefined(),
    ]),
  ),
  LINK_SIGNING_SECRET: optionalText.pipe(z.union([z.string().min(32, 'must be at least 32 characters'), z.undefined()])),
  INSTANCE_NAME: optionalText.pipe(
    z.union([z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores'), z.undefined()]),
  ),
  /** Set by App Service on each worker: stable across restarts of the process on that worker. */
  WEBSITE_INSTANCE_ID: optionalText,
  RETENTION_DELIVERY_RECORDS: retentionPeriod('deliveryRecords'),
  RETENTION_ANSWER_FEEDBACK: retentionPeriod('answerFeedback'),
  RETENTION_OFFICER_QUESTIONS: retentionPeriod('officerQuestions'),
  RETENTION_APOLOGIES: retentionPeriod('apologies'),
  RETENTION_EVENT_REPLIES: retentionPeriod('eventReplies'),
  RETENTION_ATTENDANCE: retentionPeriod('attendance'),
  RETENTION_CLOSED_CHALLENGES: retentionPeriod('closedChallenges'),
  RETENTION_AUDIT_LOG: retentionPeriod('auditLog'),
  RETENTION_INACTIVE_MEMBERS: retentionPeriod('inactiveMembers'),
});

/**
 * A retention period (ISO-8601, e.g. P2Y or P90D): at least the kind's minimum (shorter would
 * break what the data is kept for) and at most 20 years. Years and months count as calendars do.
 */
function retentionPeriod(kind: RetentionKind) {
  const setting = RETENTION_SETTINGS[kind];
  const minimum = Duration.fromISO(setting.minimum);
  return z
    .string()
    .default(setting.fallback)
    .transform((value, context) => {
      const period = Duration.fromISO(value.trim().toUpperCase());
      const reference = DateTime.fromISO('2000-01-01T00:00:00Z');
      const ok =
        period.isValid &&
        reference.plus(period) >= reference.plus(minimum) &&
        reference.plus(period) <= reference.plus({ years: 20 }) &&
        Object.values(period.toObject()).every((part) => part >= 0);
      if (!ok) {
        context.addIssue({
          code: 'custom',
          message: `must be an ISO-8601 period from ${setting.minimum} to P20Y, e.g. ${setting.fallback}`,
        });
        return z.NEVER;
      }
      return period;
    });
}

/** A real calendar date from 2000 on, and not after today (an election that has happened). */
function isPastElectionDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = DateTime.fromISO(value, { zone: LONDON });
  return date.isValid && value >= '2000-01-01' && date <= DateTime.now().setZone(LONDON);
}

/** A setting read by a domain parser that throws with a message fit for the person configuring it. */
function parsedWith<T>(parse: (text: string) => T, fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((value, context) => {
      try {
        return parse(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'is invalid' });
        return z.NEVER;
      }
    });
}

function isoDuration(fallback: string, limits: { minimumSeconds: number; maximumSeconds?: number }) {
  return z
    .string()
    .default(fallback)
    .transform((value, context) => {
      const duration = Duration.fromISO(value.trim());
      const seconds = duration.isValid ? duration.as('seconds') : Number.NaN;
      if (!(seconds >= limits.minimumSeconds && seconds <= (limits.maximumSeconds ?? Infinity))) {
        const range = limits.maximumSeconds
          ? `between ${limits.minimumSeconds} s and ${limits.maximumSeconds} s`
          : `of at least ${limits.minimumSeconds} s`;
        context.addIssue({ code: 'custom', message: `must be an ISO-8601 duration ${range}, e.g. ${fallback}` });
        return z.NEVER;
      }
      return duration;
    });
}

export interface BotCredentials {
  appId: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string;
}

export interface AppConfig {
  environment: 'production' | 'development' | 'test';
  port: number;
  /** Loopback outside production; all interfaces in production (App Service forwards to it). */
  host: string;
  /** Absent only outside production: the bot then accepts unauthenticated local traffic (Playground). */
  credentials?: BotCredentials;
  /** Empty outside production means every tenant is accepted (local Playground). */
  allowedTenantIds: string[];
  /** Absent (with no storageAccount) outside production means: start an embedded Azurite. */
  storageConnectionString?: string;
  /** The storage account's Table service reached with a managed identity (no key): the way production should. */
  storageAccount?: { url: string; managedIdentityClientId?: string };
  /** Set: traces, requests, dependencies and business metrics go to Application Insights. */
  applicationInsightsConnectionString?: string;
  /**
   * Local runs only: serve the sample meetings (a recorded Kent ModernGov response, re-dated) and a
   * sample participation event, in tables of their own. Refused in production and beside real sources.
   */
  sampleData: boolean;
  tablePrefix: string;
  adminAadObjectIds: string[];
  logLevel: string;
  dataDir: string;
  /** The bot's public address, for links it serves (calendar files); unset locally: http://127.0.0.1:<port>. */
  publicBaseUrl?: string;
  meetings: {
    moderngov?: { baseUrl: string; committeeId: string };
    icalUrl?: string;
    syncInterval: Duration;
  };
  reminderOffsets: Duration[];
  schedulerPollInterval: Duration;
  /** Signs the download links officers get in cards (CSV exports). Random per process outside production. */
  linkSigningSecret: string;
  /** Events starting sooner than this need the officer to confirm the short notice. */
  eventMinNotice: Duration;
  /** When the weekly Member Bulletin goes out (Europe/London). */
  bulletinSchedule: BulletinSchedule;
  /** At most one nudge per overdue challenge card per this interval. */
  challengeNudgeInterval: Duration;
  /** A Team id: new challenge cards are also posted to its General channel. */
  panelChannel?: string;
  /** Officers hear of a member's apologies once per this delay, in their latest state. */
  apologyNoticeDelay: Duration;
  /**
   * This instance's name, the same after a restart (INSTANCE_NAME, else App Service's
   * WEBSITE_INSTANCE_ID, else the host name): a restarted process recognises its previous
   * boot's delivery claims as dead and takes them over at once.
   */
  instanceName: string;
  /** A Team id: questions for the officers go to its General channel instead of the officers' 1:1 chats. */
  officersChannel?: string;
  /** Working days an unanswered question for the officers waits before they are reminded of it. */
  officerQuestionNudgeAfter: number;
  /** How often an instance checks whether officers changed the knowledge base on another instance. */
  knowledgeSyncInterval: Duration;
  /** The last county council election (London date, YYYY-MM-DD): training since then counts. */
  electionDate?: string;
  /** How long each kind of personal data is kept (RETENTION_*); the nightly purge deletes what is older. */
  retention: RetentionSettings;
}

/** Table names start with this prefix unless TABLE_PREFIX says otherwise. */
export const DEFAULT_TABLE_PREFIX = 'cpp';
/** The sample data's tables: never the real panel's, so switching to ModernGov starts clean. */
export const SAMPLE_TABLE_PREFIX = 'cppsample';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'is invalid');
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  const credentials = readCredentials(values, production);
  if (production) requireProductionStorageAndTenants(values);
  if (values.AZURE_STORAGE_CONNECTION_STRING && values.AZURE_STORAGE_ACCOUNT_URL) {
    throw new ConfigError('AZURE_STORAGE_ACCOUNT_URL', 'cannot be combined with AZURE_STORAGE_CONNECTION_STRING: set one of them');
  }
  const sampleData = readSampleData(values, production);
  if (production && !values.LINK_SIGNING_SECRET) {
    throw new ConfigError(
      'LINK_SIGNING_SECRET',
      'is required when NODE_ENV=production (at least 32 random characters, e.g. from openssl rand -base64 48)',
    );
  }
  if (production && !values.PUBLIC_BASE_URL?.startsWith('https://')) {
    throw new ConfigError(
      'PUBLIC_BASE_URL',
      'is required when NODE_ENV=production and must start with https:// (the address Teams users open links at)',
    );
  }
  return {
    environment: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    credentials,
    allowedTenantIds: values.ALLOWED_TENANT_IDS,
    storageConnectionString: values.AZURE_STORAGE_CONNECTION_STRING,
    storageAccount: values.AZURE_STORAGE_ACCOUNT_URL
      ? { url: values.AZURE_STORAGE_ACCOUNT_URL.replace(/\/+$/, ''), managedIdentityClientId: values.AZURE_CLIENT_ID }
      : undefined,
    applicationInsightsConnectionString: values.APPLICATIONINSIGHTS_CONNECTION_STRING,
    sampleData,
    tablePrefix: values.TABLE_PREFIX ?? (sampleData ? SAMPLE_TABLE_PREFIX : DEFAULT_TABLE_PREFIX),
    adminAadObjectIds: values.ADMIN_AAD_OBJECT_IDS,
    logLevel: values.LOG_LEVEL,
    dataDir: values.DATA_DIR,
    publicBaseUrl: values.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    meetings: {
      moderngov: readModernGov(values),
      icalUrl: values.MEETINGS_ICAL_URL,
      syncInterval: values.MEETINGS_SYNC_INTERVAL,
    },
    reminderOffsets: values.REMINDER_OFFSETS,
    schedulerPollInterval: values.SCHEDULER_POLL_INTERVAL,
    linkSigningSecret: values.LINK_SIGNING_SECRET ?? randomBytes(32).toString('base64url'),
    eventMinNotice: values.EVENT_MIN_NOTICE,
    bulletinSchedule: values.BULLETIN_SCHEDULE,
    challengeNudgeInterval: values.CHALLENGE_NUDGE_INTERVAL,
    panelChannel: values.PANEL_CHANNEL,
    apologyNoticeDelay: values.APOLOGY_NOTICE_DELAY,
    instanceName: instanceNameFrom(values.INSTANCE_NAME ?? values.WEBSITE_INSTANCE_ID ?? os.hostname()),
    officersChannel: values.OFFICERS_CHANNEL,
    officerQuestionNudgeAfter: values.OFFICER_QUESTION_NUDGE_AFTER,
    knowledgeSyncInterval: values.KNOWLEDGE_SYNC_INTERVAL,
    electionDate: values.ELECTION_DATE,
    retention: readRetention(values),
  };
}

function readRetention(values: EnvironmentValues): RetentionSettings {
  const periods: Record<RetentionKind, Duration> = {
    deliveryRecords: values.RETENTION_DELIVERY_RECORDS,
    answerFeedback: values.RETENTION_ANSWER_FEEDBACK,
    officerQuestions: values.RETENTION_OFFICER_QUESTIONS,
    apologies: values.RETENTION_APOLOGIES,
    eventReplies: values.RETENTION_EVENT_REPLIES,
    attendance: values.RETENTION_ATTENDANCE,
    closedChallenges: values.RETENTION_CLOSED_CHALLENGES,
    auditLog: values.RETENTION_AUDIT_LOG,
    inactiveMembers: values.RETENTION_INACTIVE_MEMBERS,
  };
  // Typed by kind: a kind added to RETENTION_KINDS without its setting does not compile.
  return periods;
}

type EnvironmentValues = z.infer<typeof environmentSchema>;

function readCredentials(values: EnvironmentValues, production: boolean): BotCredentials | undefined {
  const { MicrosoftAppId: appId, MicrosoftAppType: appType, MicrosoftAppTenantId: tenantId } = values;
  if (!appId && !production) return undefined;
  if (!appId) throw new ConfigError('MicrosoftAppId', 'is required when NODE_ENV=production');
  if (!appType) throw new ConfigError('MicrosoftAppType', 'is required with MicrosoftAppId (MultiTenant, SingleTenant or UserAssignedMSI)');
  if (!tenantId) throw new ConfigError('MicrosoftAppTenantId', 'is required with MicrosoftAppId');
  if (appType !== 'UserAssignedMSI' && !values.MicrosoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword', `is required when MicrosoftAppType=${appType}`);
  }
  return { appId, appPassword: values.MicrosoftAppPassword, appType, tenantId };
}

function readModernGov(values: EnvironmentValues): AppConfig['meetings']['moderngov'] {
  if (!values.MODERNGOV_URL && !values.MODERNGOV_COMMITTEE_ID) return undefined;
  if (!values.MODERNGOV_URL) throw new ConfigError('MODERNGOV_URL', 'is required with MODERNGOV_COMMITTEE_ID');
  if (!values.MODERNGOV_COMMITTEE_ID) throw new ConfigError('MODERNGOV_COMMITTEE_ID', 'is required with MODERNGOV_URL');
  return { baseUrl: values.MODERNGOV_URL.replace(/\/+$/, ''), committeeId: values.MODERNGOV_COMMITTEE_ID };
}

function readSampleData(values: EnvironmentValues, production: boolean): boolean {
  if (values.SAMPLE_DATA !== 'true') return false;
  if (production)
    throw new ConfigError('SAMPLE_DATA', 'must not be true when NODE_ENV=production (sample meetings are for local runs only)');
  const source = values.MODERNGOV_URL ? 'MODERNGOV_URL' : values.MEETINGS_ICAL_URL ? 'MEETINGS_ICAL_URL' : undefined;
  if (source) throw new ConfigError('SAMPLE_DATA', `cannot be combined with ${source}: the sample meetings would mix with the real ones`);
  return true;
}

function requireProductionStorageAndTenants(values: EnvironmentValues): void {
  const storage = values.AZURE_STORAGE_CONNECTION_STRING;
  if (!storage && !values.AZURE_STORAGE_ACCOUNT_URL) {
    throw new ConfigError(
      'AZURE_STORAGE_CONNECTION_STRING',
      'is required when NODE_ENV=production (or AZURE_STORAGE_ACCOUNT_URL, reached with a managed identity)',
    );
  }
  if (storage && /UseDevelopmentStorage\s*=\s*true/i.test(storage)) {
    throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING', 'must not be UseDevelopmentStorage=true in production');
  }
  if (values.ALLOWED_TENANT_IDS.length === 0) {
    throw new ConfigError('ALLOWED_TENANT_IDS', 'is required when NODE_ENV=production (comma-separated tenant ids)');
  }
}

export interface PackagingConfig {
  /** The bot's Microsoft app (client) id: MicrosoftAppId, or BOT_ID as the Agents Toolkit names it. */
  appId?: string;
  /** The Teams app id when it differs from the bot's (the Agents Toolkit's TEAMS_APP_ID). */
  teamsAppId?: string;
  /** The bot's public https address: the manifest's privacy and terms links point at its pages. */
  publicBaseUrl?: string;
}

/** What `npm run package` needs; the package builder validates each value itself. */
export function loadPackagingConfig(env: NodeJS.ProcessEnv = process.env): PackagingConfig {
  const value = (name: string) => {
    const text = env[name]?.trim();
    return text && text.length > 0 ? text : undefined;
  };
  return { appId: value('MicrosoftAppId') ?? value('BOT_ID'), teamsAppId: value('TEAMS_APP_ID'), publicBaseUrl: value('PUBLIC_BASE_URL') };
}

export interface LocalRunConfig {
  botPort: number;
  playgroundPort: number;
  /** Admins for the local run; defaults to the Playground's current user (see src/local/playground.yaml). */
  adminAadObjectIds?: string;
  /** Serve the sample meetings and event: no meeting source is configured and SAMPLE_DATA is not false. */
  sampleData: boolean;
  /** Where the local run keeps its files (Azurite's tables, the Playground's log). */
  dataDir: string;
  /** The prefix of the tables the local run uses (the sample's own unless TABLE_PREFIX is set). */
  tablePrefix: string;
  /** The environment the bot and the Playground start with: this process's, plus the given overrides. */
  childEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv;
}

/**
 * The environment a development tool (npm start, the toolkit check) hands a child process: this
 * process's, plus the given overrides. Read here so that the config module stays the one reader.
 */
export function childProcessEnvironment(overrides: Record<string, string>, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, ...overrides };
}

/** What `npm start` (src/tools/start-local.ts) needs to launch the bot with the Playground. */
export function loadLocalRunConfig(env: NodeJS.ProcessEnv = process.env): LocalRunConfig {
  const ports = z
    .object({
      PORT: z.coerce.number().int().min(1).max(65535).default(3978),
      PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
    })
    .safeParse(env);
  if (!ports.success) throw new ConfigError(String(ports.error.issues[0]?.path[0] ?? 'PORT'), 'must be a port number');
  if (env.NODE_ENV === 'production') throw new ConfigError('NODE_ENV', 'must not be production for the local run (npm start)');
  const realSource = [env.MODERNGOV_URL, env.MODERNGOV_COMMITTEE_ID, env.MEETINGS_ICAL_URL].some(
    (value) => (value ?? '').trim().length > 0,
  );
  const sampleData = !realSource && env.SAMPLE_DATA?.trim() !== 'false';
  return {
    botPort: ports.data.PORT,
    playgroundPort: ports.data.PLAYGROUND_PORT,
    adminAadObjectIds: env.ADMIN_AAD_OBJECT_IDS?.trim() || undefined,
    sampleData,
    dataDir: env.DATA_DIR?.trim() || '.data',
    tablePrefix: env.TABLE_PREFIX?.trim() || (sampleData ? SAMPLE_TABLE_PREFIX : DEFAULT_TABLE_PREFIX),
    childEnvironment: (overrides) => childProcessEnvironment(overrides, env),
  };
}
