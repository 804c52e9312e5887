/**
 * A small Prometheus registry: counters, gauges and histograms with fixed label names, written out
 * in the text exposition format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/).
 *
 * Label values come from fixed vocabularies chosen by the callers (activity kinds, outcomes, HTTP
 * status classes); as a second line of defence, any value that is not a short token of letters,
 * digits and `_ . : / + -` is written as "other". Free text, names and ids cannot become a label.
 */

type LabelValues<L extends string> = Record<L, string>;

const SAFE_LABEL_VALUE = /^[A-Za-z0-9_.:/+-]{1,40}$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export interface Sample {
  /** Suffix after the family name, e.g. `_bucket`. */
  suffix?: string;
  labels: [string, string][];
  value: number;
}

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  samples(): Sample[];
}

/** Turns a label set into a stable map key (label names are fixed per metric, in order). */
function keyOf(values: readonly string[]): string {
  return values.join('\u0000');
}

function safeLabelValue(value: string): string {
  return SAFE_LABEL_VALUE.test(value) ? value : 'other';
}

abstract class Labelled<L extends string> implements Family {
  abstract readonly type: Family['type'];

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly L[],
  ) {
    if (!METRIC_NAME.test(name)) throw new Error(`bad metric name ${name}`);
    for (const label of labelNames) {
      if (!LABEL_NAME.test(label) || label.startsWith('__') || label === 'le') throw new Error(`bad label ${label}`);
    }
  }

  protected valuesOf(labels: LabelValues<L>): string[] {
    return this.labelNames.map((name) => safeLabelValue(labels[name]));
  }

  protected pairs(values: readonly string[]): [string, string][] {
    return this.labelNames.map((name, i) => [name, values[i]!]);
  }

  abstract samples(): Sample[];
}

export class Counter<L extends string = never> extends Labelled<L> {
  readonly type = 'counter';
  private readonly values = new Map<string, { labels: string[]; value: number }>();

  inc(labels: LabelValues<L>, by = 1): void {
    if (!(by >= 0)) throw new Error('a counter only goes up');
    const values = this.valuesOf(labels);
    const key = keyOf(values);
    const entry = this.values.get(key) ?? { labels: values, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }

  /** Starts the label set at 0, so that a rate over it exists before the first event. */
  touch(labels: LabelValues<L>): void {
    this.inc(labels, 0);
  }

  samples(): Sample[] {
    return [...this.values.values()].map(({ labels, value }) => ({ labels: this.pairs(labels), value }));
  }
}

/**
 * Values read when the registry is collected: a gauge, or a counter kept elsewhere (the process's
 * CPU time) that is only copied here.
 */
export class Gauge<L extends string = never> extends Labelled<L> {
  private current: { labels: string[]; value: number }[] = [];

  constructor(
    name: string,
    help: string,
    labelNames: readonly L[],
    readonly type: 'gauge' | 'counter' = 'gauge',
  ) {
    super(name, help, labelNames);
  }

  /** Replaces every value of this gauge. */
  set(values: { labels: LabelValues<L>; value: number }[]): void {
    this.current = values.map(({ labels, value }) => ({ labels: this.valuesOf(labels), value }));
  }

  clear(): void {
    this.current = [];
  }

  samples(): Sample[] {
    return this.current.map(({ labels, value }) => ({ labels: this.pairs(labels), value }));
  }
}

export class Histogram<L extends string = never> extends Labelled<L> {
  readonly type = 'histogram';
  private readonly buckets: number[];
  private readonly series = new Map<string, { labels: string[]; counts: number[]; sum: number; count: number }>();

  constructor(name: string, help: string, labelNames: readonly L[], buckets: readonly number[]) {
    super(name, help, labelNames);
    this.buckets = [...buckets].sort((a, b) => a - b);
  }

  observe(labels: LabelValues<L>, value: number): void {
    const values = this.valuesOf(labels);
    const key = keyOf(values);
    const entry = this.series.get(key) ?? {
      labels: values,
      counts: this.buckets.map(() => 0),
      sum: 0,
      count: 0,
    };
    this.buckets.forEach((le, i) => {
      if (value <= le) entry.counts[i]! += 1;
    });
    entry.sum += value;
    entry.count += 1;
    this.series.set(key, entry);
  }

  samples(): Sample[] {
    return [...this.series.values()].flatMap(({ labels, counts, sum, count }) => {
      const pairs = this.pairs(labels);
      return [
        ...this.buckets.map((le, i) => ({
          suffix: '_bucket',
          labels: [...pairs, ['le', formatNumber(le)]] as [string, string][],
          value: counts[i]!,
        })),
        { suffix: '_bucket', labels: [...pairs, ['le', '+Inf']], value: count },
        { suffix: '_sum', labels: pairs, value: sum },
        { suffix: '_count', labels: pairs, value: count },
      ];
    });
  }
}

export class Registry {
  private readonly families: Family[] = [];

  register<F extends Family>(family: F): F {
    if (this.families.some((f) => f.name === family.name)) throw new Error(`${family.name} registered twice`);
    this.families.push(family);
    return family;
  }

  /** The exposition text; families without samples are left out. */
  expose(): string {
    const lines: string[] = [];
    for (const family of this.families) {
      const samples = family.samples();
      if (samples.length === 0) continue;
      lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`);
      lines.push(`# TYPE ${family.name} ${family.type}`);
      for (const sample of samples) {
        const labels = sample.labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',');
        lines.push(`${family.name}${sample.suffix ?? ''}${labels ? `{${labels}}` : ''} ${formatNumber(sample.value)}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function escapeLabelValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}
