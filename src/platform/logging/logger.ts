import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. Anything that can carry a credential is redacted by path, so a careless
 * `log.info({ req })` cannot leak a bearer token or the app password.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      // Fields of the turn in progress (its request id), so features' loggers need no per-turn copy.
      mixin: () => logContext.getStore() ?? {},
      base: { service: 'cpp-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          'authorization',
          '*.authorization',
          '*.password',
          '*.MicrosoftAppPassword',
          'MicrosoftAppPassword',
          '*.connectionString',
          'connectionString',
          '*.token',
          'token',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** Every line to stdout and to each extra stream (e.g. Application Insights), at the logger's level. */
export function stdoutAnd(...streams: NodeJS.WritableStream[]): pino.DestinationStream {
  return pino.multistream([{ level: 'trace', stream: process.stdout }, ...streams.map((stream) => ({ level: 'trace' as const, stream }))]);
}

/** A logger that discards everything: for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

const logContext = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `work` with `fields` added to every log line written while it runs (one turn's request id). */
export function withLogContext<T>(fields: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  return logContext.run({ ...logContext.getStore(), ...fields }, work);
}
