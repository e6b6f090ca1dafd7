import { Writable } from 'node:stream';
import type { Logger as OtelLogger } from '@opentelemetry/api-logs';
import { SeverityNumber } from '@opentelemetry/api-logs';

const SEVERITY: Record<number, { number: SeverityNumber; text: string }> = {
  10: { number: SeverityNumber.TRACE, text: 'TRACE' },
  20: { number: SeverityNumber.DEBUG, text: 'DEBUG' },
  30: { number: SeverityNumber.INFO, text: 'INFO' },
  40: { number: SeverityNumber.WARN, text: 'WARN' },
  50: { number: SeverityNumber.ERROR, text: 'ERROR' },
  60: { number: SeverityNumber.FATAL, text: 'FATAL' },
};
// pino's own fields: the rest of a line becomes the record's attributes.
const PINO_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v']);
const MAX_ATTRIBUTE_CHARS = 8192;

/**
 * A pino destination that re-emits each JSON log line as an OpenTelemetry log record (Application
 * Insights: the traces table). It sees lines after pino's redaction, so secrets stay out here too.
 */
export function openTelemetryLogStream(logger: OtelLogger): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      pending += chunk.toString();
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        emitLine(logger, pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      callback();
    },
  });
}

function emitLine(logger: OtelLogger, line: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
  const fields = parsed as Record<string, unknown>;
  const severity = SEVERITY[typeof fields.level === 'number' ? fields.level : 30] ?? SEVERITY[30]!;
  const attributes: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (PINO_FIELDS.has(key) || value === undefined || value === null) continue;
    attributes[key] =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value).slice(0, MAX_ATTRIBUTE_CHARS);
  }
  logger.emit({
    severityNumber: severity.number,
    severityText: severity.text,
    body: typeof fields.msg === 'string' ? fields.msg : '',
    attributes,
  });
}
