import type { Counter, Histogram, Meter } from '@opentelemetry/api';
import { COUNTERS, type CounterName, HISTOGRAMS, type HistogramName, type MetricAttributes, type Metrics } from './metrics';

/** Metric names as Application Insights shows them (customMetrics): `cpp.<feature>.<what>`. */
export const METRIC_PREFIX = 'cpp.';

/** The Metrics port over an OpenTelemetry meter: one instrument per name, made on first use. */
export class OpenTelemetryMetrics implements Metrics {
  private readonly counters = new Map<CounterName, Counter>();
  private readonly histograms = new Map<HistogramName, Histogram>();

  constructor(private readonly meter: Meter) {}

  count(name: CounterName, attributes?: MetricAttributes): void {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = this.meter.createCounter(`${METRIC_PREFIX}${name}`, { description: COUNTERS[name] });
      this.counters.set(name, counter);
    }
    counter.add(1, attributes);
  }

  record(name: HistogramName, value: number, attributes?: MetricAttributes): void {
    if (!Number.isFinite(value)) return;
    let histogram = this.histograms.get(name);
    if (!histogram) {
      histogram = this.meter.createHistogram(`${METRIC_PREFIX}${name}`, HISTOGRAMS[name]);
      this.histograms.set(name, histogram);
    }
    histogram.record(value, attributes);
  }
}
