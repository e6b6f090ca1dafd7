import type { Writable } from 'node:stream';
import { type Metrics, NO_METRICS } from './metrics';

/** What the process entry gets: the metrics port, a log destination to add, and a final flush. */
export interface Telemetry {
  readonly enabled: boolean;
  readonly metrics: Metrics;
  /** A second pino destination that forwards logs to Application Insights (traces); absent when off. */
  readonly logStream?: Writable;
  /** Flushes what is buffered (spans, metrics, logs) and stops exporting. */
  shutdown(): Promise<void>;
}

/** The parts of @azure/monitor-opentelemetry and the OpenTelemetry API this module uses. */
export interface AzureMonitorDistro {
  useAzureMonitor(options: import('@azure/monitor-opentelemetry').AzureMonitorOpenTelemetryOptions): void;
  shutdownAzureMonitor(): Promise<void>;
  metrics: { getMeter(name: string, version?: string): import('@opentelemetry/api').Meter };
  logs: { getLogger(name: string, version?: string): import('@opentelemetry/api-logs').Logger };
}

const TELEMETRY_OFF: Telemetry = { enabled: false, metrics: NO_METRICS, shutdown: async () => undefined };
const SERVICE_NAME = 'cpp-bot';

/**
 * Turns Application Insights on when a connection string is configured: requests (incoming HTTP),
 * dependencies (outgoing HTTP, Azure SDK calls to Tables), logs and the business metrics, through
 * Microsoft's OpenTelemetry distro. Without one nothing is loaded or started, so nothing changes.
 * Call it before the app's modules are loaded, so its instrumentation sees http being required.
 */
export function startTelemetry(connectionString: string | undefined, loadDistro: () => AzureMonitorDistro = requireDistro): Telemetry {
  if (!connectionString) return TELEMETRY_OFF;
  const distro = loadDistro();
  distro.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the OpenTelemetry SDK loads only when telemetry is on
  const { OpenTelemetryMetrics } = require('./open-telemetry-metrics') as typeof import('./open-telemetry-metrics');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
  const { openTelemetryLogStream } = require('./log-bridge') as typeof import('./log-bridge');
  return {
    enabled: true,
    metrics: new OpenTelemetryMetrics(distro.metrics.getMeter(SERVICE_NAME)),
    logStream: openTelemetryLogStream(distro.logs.getLogger(SERVICE_NAME)),
    shutdown: () => distro.shutdownAzureMonitor(),
  };
}

function requireDistro(): AzureMonitorDistro {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const monitor = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  const api = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
  const apiLogs = require('@opentelemetry/api-logs') as typeof import('@opentelemetry/api-logs');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return {
    useAzureMonitor: (options) => monitor.useAzureMonitor(options),
    shutdownAzureMonitor: () => monitor.shutdownAzureMonitor(),
    metrics: api.metrics,
    logs: apiLogs.logs,
  };
}
