/**
 * The business metrics the bot reports, as a port: features count through `Metrics` and never see
 * OpenTelemetry. Without Application Insights the composition hands them NO_METRICS.
 */
export const COUNTERS = {
  'remit.answered': 'Remit questions answered from the knowledge base',
  'remit.declined': 'Remit questions declined (off-topic, or not in the knowledge base)',
  'officer.questions': 'Questions members put to an officer through the bot',
  'delivery.sent': 'Proactive messages Teams accepted',
  'delivery.throttled': 'Sends Teams refused with 429 Too Many Requests',
  'delivery.dead_lettered': 'Proactive messages given up for good (unreachable member, refused, attempts exhausted)',
} as const;

export const HISTOGRAMS = {
  'reminders.lateness': { description: 'How late a meeting reminder was handed to the outbox after it fell due', unit: 's' },
} as const;

export type CounterName = keyof typeof COUNTERS;
export type HistogramName = keyof typeof HISTOGRAMS;

/** Low-cardinality labels only (a reason, an entry id): never a person, a question or a conversation. */
export type MetricAttributes = Readonly<Record<string, string | number | boolean>>;

export interface Metrics {
  count(name: CounterName, attributes?: MetricAttributes): void;
  record(name: HistogramName, value: number, attributes?: MetricAttributes): void;
}

/** Counts nothing: the default wherever Application Insights is not configured. */
export const NO_METRICS: Metrics = {
  count: () => undefined,
  record: () => undefined,
};
