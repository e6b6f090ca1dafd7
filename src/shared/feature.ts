import type { z } from 'zod';
import type { JobHandler } from '../platform/scheduler/scheduled-job';
import type { Role, TurnSender } from './access/actor';
import type { Permission } from './access/policy';
import type { AdaptiveCardJson } from './cards/card-template';
import { DomainError } from './errors/domain-error';
import type { PersonalDataContribution } from './personal-data';

/**
 * What a capability adds to the bot. Each feature folder builds one of these in its `teams/`
 * part; the router, the scheduler and the HTTP server only iterate registrations, so adding a
 * command, verb, job or download touches the feature's own folder.
 */
export interface Feature {
  /** Short name, used in logs and in start-up errors (e.g. two features claiming one phrase). */
  readonly name: string;
  readonly commands?: readonly TextCommand[];
  readonly verbs?: Readonly<Record<string, CardAction>>;
  /** Free text that is no command, offered to each feature in registration order. */
  readonly freeText?: FreeTextRoute;
  readonly jobs?: Readonly<Record<string, JobHandler>>;
  readonly downloads?: readonly Download[];
  /**
   * Its part in the person's data rights (export, erasure, retention) for the tables it writes.
   * Every feature that stores rows keyed by or naming a person registers one; see shared/personal-data.ts.
   */
  readonly personalData?: PersonalDataContribution;
  /** Background set-up once the workers start (e.g. planning a recurring job); failures are logged. */
  readonly start?: () => Promise<void>;
  /** Told when a person removes the bot from their personal scope (e.g. to withdraw their calendar address). */
  readonly uninstalled?: (aadObjectId: string) => Promise<void>;
}

/** A typed message the bot treats as a command rather than a question. */
export interface TextCommand {
  readonly name: string;
  /** The row of the access matrix that guards it: the router checks it before `run`. */
  readonly access: Permission;
  /** Whole messages, lower case, without trailing punctuation ("stop reminders"). */
  readonly phrases?: readonly string[];
  /** Patterns over the same normalised text, for commands that carry an object ("attendees for ..."). */
  readonly patterns?: readonly RegExp[];
  /** How the help card lists it, for the roles that may use it; omit for commands listed elsewhere. */
  readonly help?: HelpEntry;
  /** The reply: one card, or several sent one after another (a bulletin too long for one card). */
  run(input: CommandInput, sender: TurnSender): Promise<AdaptiveCardJson | AdaptiveCardJson[]>;
}

export interface CommandInput {
  /** The text as typed. */
  readonly text: string;
  /** Lower case, single spaces, trailing `!.?` removed: what phrases and patterns are matched on. */
  readonly normalised: string;
  /** The pattern's match, when a pattern chose this command. */
  readonly match?: RegExpExecArray;
}

export interface HelpEntry {
  readonly title: string;
  readonly detail: string;
  readonly role: Role;
}

/** A route for free text, e.g. meeting questions before the knowledge base. */
export interface FreeTextRoute {
  readonly access: Permission;
  accepts(text: string): boolean;
  /**
   * The reply, or undefined when the text turned out not to be this route's (the calendar holds no
   * meeting for a date gone by, which the minutes may know): the next route that accepts it answers.
   */
  run(text: string, sender: TurnSender): Promise<AdaptiveCardJson | undefined>;
}

/** One Action.Execute verb: its data is client-written, so it is parsed before anything reads it. */
export interface CardAction {
  /** The row of the access matrix that guards it: the router checks it before `run`. */
  readonly access: Permission;
  run(rawData: unknown, sender: TurnSender): Promise<AdaptiveCardJson>;
}

export function cardAction<S extends z.ZodType>(
  access: Permission,
  schema: S,
  handle: (data: z.infer<S>, sender: TurnSender) => Promise<AdaptiveCardJson>,
): CardAction {
  return {
    access,
    run: (rawData, sender) => {
      const parsed = schema.safeParse(rawData);
      if (!parsed.success)
        throw new DomainError('invalid_input', 'This card sent something I did not expect. Please ask again to get a fresh card.');
      return handle(parsed.data, sender);
    },
  };
}

/** A file the bot serves over HTTP (calendar files, officer exports behind signed links). */
export interface Download {
  /** A restify route, e.g. `/events/:eventId/attendees.csv`. */
  readonly path: string;
  /** The row of the access matrix it answers to; a download carries no Teams identity, so `serve` checks its link. */
  readonly access: Permission;
  serve(request: DownloadRequest): Promise<DownloadResult>;
}

export interface DownloadRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
}

export type DownloadResult =
  | { kind: 'file'; fileName: string; contentType: string; body: string | Buffer; inline?: boolean }
  | { kind: 'refused'; status: 403 | 404 | 410; message: string };

export function notFound(message = 'Not found'): DownloadResult {
  return { kind: 'refused', status: 404, message };
}

/** A secret address that once worked and has been withdrawn (calendar apps stop asking on 410). */
export function gone(message: string): DownloadResult {
  return { kind: 'refused', status: 410, message };
}

/** The answer to a signed link that is not valid, has expired, or is not an officer's. */
export function linkRefused(fresh: string): DownloadResult {
  return { kind: 'refused', status: 403, message: `This link is not valid, has expired, or is for officers only. ${fresh}` };
}
