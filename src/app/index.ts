import { type AppConfig, ConfigError, loadConfig } from './config';
import { startTelemetry } from '../platform/telemetry/telemetry';

/**
 * Process entry: read config, turn telemetry on when configured, start, and stop cleanly on SIGTERM
 * (App Service) or SIGINT (Ctrl+C). The app's modules are loaded only after telemetry has started,
 * so its instrumentation sees http, restify and the Azure SDK being required.
 */
async function main(): Promise<void> {
  const config = readConfig();
  const telemetry = startTelemetry(config.applicationInsightsConnectionString);
  const { createLogger, stdoutAnd } = await import('../platform/logging/logger');
  const { startApp } = await import('./app');
  const logger = createLogger(config.logLevel, telemetry.logStream ? stdoutAnd(telemetry.logStream) : undefined);
  logger.info({ event: 'telemetry', applicationInsights: telemetry.enabled ? 'on' : 'off' }, 'telemetry configured');
  const app = await startApp(config, { logger, metrics: telemetry.metrics });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'app.stopping', signal }, 'shutting down');
    app
      .stop()
      // Telemetry that cannot be flushed is lost, which must not turn a clean stop into a failed one.
      .then(() =>
        telemetry
          .shutdown()
          .catch((error: unknown) => logger.warn({ event: 'telemetry.flush_failed', err: error }, 'could not flush telemetry')),
      )
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ event: 'app.stop_failed', err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
