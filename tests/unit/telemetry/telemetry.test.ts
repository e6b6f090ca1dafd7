import { PassThrough } from 'node:stream';
import type { LogRecord, Logger as OtelLogger } from '@opentelemetry/api-logs';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import pino from 'pino';
import { createLogger, stdoutAnd } from '../../../src/platform/logging/logger';
import { openTelemetryLogStream } from '../../../src/platform/telemetry/log-bridge';
import { NO_METRICS } from '../../../src/platform/telemetry/metrics';
import { OpenTelemetryMetrics } from '../../../src/platform/telemetry/open-telemetry-metrics';
import { type AzureMonitorDistro, startTelemetry } from '../../../src/platform/telemetry/telemetry';

const CONNECTION_STRING =
  'InstrumentationKey=00000000-0000-4000-8000-000000000009;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';

function fakeDistro(): AzureMonitorDistro & { options: unknown[]; shutdowns: number } {
  const provider = new MeterProvider();
  const distro = {
    options: [] as unknown[],
    shutdowns: 0,
    useAzureMonitor: (options: unknown) => {
      distro.options.push(options);
    },
    shutdownAzureMonitor: async () => {
      distro.shutdowns++;
    },
    metrics: { getMeter: (name: string) => provider.getMeter(name) },
    logs: { getLogger: () => ({ emit: () => undefined, enabled: () => true }) },
  };
  return distro;
}

describe('startTelemetry', () => {
  it('without a connection string loads nothing, starts nothing and hands out the no-op metrics', async () => {
    const load = jest.fn(fakeDistro);
    const telemetry = startTelemetry(undefined, load);
    expect(load).not.toHaveBeenCalled();
    expect(telemetry).toMatchObject({ enabled: false, metrics: NO_METRICS });
    expect(telemetry.logStream).toBeUndefined();
    await expect(telemetry.shutdown()).resolves.toBeUndefined();
  });

  it('with one starts the Azure Monitor distro on that connection string, HTTP and Azure SDK instrumented, and flushes on shutdown', async () => {
    const distro = fakeDistro();
    const telemetry = startTelemetry(CONNECTION_STRING, () => distro);
    expect(distro.options).toEqual([
      expect.objectContaining({
        azureMonitorExporterOptions: { connectionString: CONNECTION_STRING },
        instrumentationOptions: expect.objectContaining({
          http: { enabled: true },
          azureSdk: { enabled: true },
          mongoDb: { enabled: false },
        }),
      }),
    ]);
    expect(telemetry.enabled).toBe(true);
    expect(telemetry.metrics).toBeInstanceOf(OpenTelemetryMetrics);
    expect(telemetry.logStream).toBeDefined();
    await telemetry.shutdown();
    expect(distro.shutdowns).toBe(1);
  });
});

describe('OpenTelemetryMetrics, read back through an in-memory exporter', () => {
  it('exports counters with their attributes and the reminder-lateness histogram, named cpp.*', async () => {
    const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
    const provider = new MeterProvider({ readers: [reader] });
    const metrics = new OpenTelemetryMetrics(provider.getMeter('cpp-bot'));
    metrics.count('remit.answered', { entry: 'tor-purpose' });
    metrics.count('remit.answered', { entry: 'tor-purpose' });
    metrics.count('remit.declined', { reason: 'off_topic' });
    metrics.count('delivery.dead_lettered', { reason: 'blocked_by_user' });
    metrics.record('reminders.lateness', 2.5, { offset: 'P1D' });
    metrics.record('reminders.lateness', Number.NaN);
    await reader.forceFlush();
    const exported = exporter.getMetrics().flatMap((batch) => batch.scopeMetrics.flatMap((scope) => scope.metrics));
    const byName = new Map(exported.map((metric) => [metric.descriptor.name, metric]));
    expect([...byName.keys()].sort()).toEqual([
      'cpp.delivery.dead_lettered',
      'cpp.reminders.lateness',
      'cpp.remit.answered',
      'cpp.remit.declined',
    ]);
    const answered = byName.get('cpp.remit.answered')!;
    expect(answered.dataPoints).toEqual([expect.objectContaining({ attributes: { entry: 'tor-purpose' }, value: 2 })]);
    const lateness = byName.get('cpp.reminders.lateness')!;
    expect(lateness.descriptor.unit).toBe('s');
    expect(lateness.dataPoints).toEqual([
      expect.objectContaining({ attributes: { offset: 'P1D' }, value: expect.objectContaining({ count: 1, sum: 2.5 }) }),
    ]);
    await provider.shutdown();
  });
});

describe('the log bridge', () => {
  function recordingLogger(): OtelLogger & { records: LogRecord[] } {
    const records: LogRecord[] = [];
    return { records, emit: (record: LogRecord) => void records.push(record), enabled: () => true };
  }

  it('turns each pino line into a log record with severity, message and attributes, after redaction', async () => {
    const otel = recordingLogger();
    const stream = openTelemetryLogStream(otel);
    const stdout = new PassThrough();
    const logger = createLogger(
      'info',
      pino.multistream([
        { level: 'trace', stream: stdout },
        { level: 'trace', stream },
      ]),
    );
    logger.warn(
      { event: 'delivery.failed', reason: 'blocked_by_user', headers: { authorization: 'Bearer secret-token' } },
      'message given up',
    );
    logger.debug('below the level: not sent');
    await new Promise((resolve) => setImmediate(resolve));
    expect(otel.records).toHaveLength(1);
    const [record] = otel.records;
    expect(record).toMatchObject({ severityNumber: SeverityNumber.WARN, severityText: 'WARN', body: 'message given up' });
    expect(record?.attributes).toMatchObject({ event: 'delivery.failed', reason: 'blocked_by_user', service: 'cpp-bot' });
    expect(JSON.stringify(record)).not.toContain('secret-token');
  });

  it('ignores lines that are not JSON objects and copes with lines split across writes', () => {
    const otel = recordingLogger();
    const stream = openTelemetryLogStream(otel);
    stream.write('not json\n[1,2]\n{"level":50,"msg":"sp');
    stream.write('lit","n":1}\n');
    expect(otel.records).toEqual([expect.objectContaining({ severityNumber: SeverityNumber.ERROR, body: 'split', attributes: { n: 1 } })]);
  });

  it('stdoutAnd gives a destination that also writes to stdout', () => {
    expect(typeof stdoutAnd(new PassThrough()).write).toBe('function');
  });
});
