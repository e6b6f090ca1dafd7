import type { CounterName, HistogramName, MetricAttributes, Metrics } from '../../src/platform/telemetry/metrics';

/** The Metrics port recording every call, for tests of where features count. */
export class RecordingMetrics implements Metrics {
  readonly counts: { name: CounterName; attributes?: MetricAttributes }[] = [];
  readonly values: { name: HistogramName; value: number; attributes?: MetricAttributes }[] = [];

  count(name: CounterName, attributes?: MetricAttributes): void {
    this.counts.push({ name, attributes });
  }

  record(name: HistogramName, value: number, attributes?: MetricAttributes): void {
    this.values.push({ name, value, attributes });
  }

  total(name: CounterName): number {
    return this.counts.filter((entry) => entry.name === name).length;
  }
}
