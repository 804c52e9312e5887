/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for the metrics tests: it
 * throws on anything a Prometheus server would refuse (and on a few things it would only
 * tolerate), and returns every series with its value.
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Series {
  /** The sample's name, with any _bucket/_sum/_count/_total suffix. */
  name: string;
  /** The family it belongs to (declared by # TYPE). */
  family: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, MetricType>;
  help: Map<string, string>;
  series: Series[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL_NAME = '[a-zA-Z_][a-zA-Z0-9_]*';
const VALUE = '(?:[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)|[+-]Inf|NaN)';
const HELP_LINE = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (${VALUE})(?: (-?\\d+))?$`);
const LABEL = new RegExp(`^(${LABEL_NAME})="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`);

function parseValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

function parseLabels(text: string, line: number): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const match = LABEL.exec(rest);
    if (!match) throw new Error(`line ${line}: bad label set {${text}}`);
    const [whole, name, raw] = match as unknown as [string, string, string];
    if (name in labels) throw new Error(`line ${line}: label ${name} twice`);
    labels[name] = raw.replace(/\\(["\\n])/g, (_m, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(whole.length);
    if (rest.startsWith(',')) rest = rest.slice(1);
    else if (rest.length > 0) throw new Error(`line ${line}: expected "," in {${text}}`);
  }
  return labels;
}

/** The family a sample name belongs to, given the declared types. */
function familyOf(name: string, types: Map<string, MetricType>): string | undefined {
  if (types.has(name)) return name;
  for (const suffix of ['_bucket', '_sum', '_count']) {
    const base = name.endsWith(suffix) ? name.slice(0, -suffix.length) : undefined;
    if (base && (types.get(base) === 'histogram' || (types.get(base) === 'summary' && suffix !== '_bucket'))) {
      return base;
    }
  }
  return undefined;
}

export function parseExposition(text: string): Exposition {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a line feed');
  const types = new Map<string, MetricType>();
  const help = new Map<string, string>();
  const series: Series[] = [];
  const seen = new Set<string>();
  const closed = new Set<string>();
  let current: string | undefined;

  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, i) => {
      const n = i + 1;
      if (line.trim() === '') return;
      const helpMatch = HELP_LINE.exec(line);
      const typeMatch = TYPE_LINE.exec(line);
      if (helpMatch || typeMatch) {
        const name = (helpMatch ?? typeMatch)![1]!;
        if (name !== current) {
          if (current) closed.add(current);
          if (closed.has(name)) throw new Error(`line ${n}: family ${name} is not contiguous`);
          current = name;
        }
        if (helpMatch) {
          if (help.has(name)) throw new Error(`line ${n}: second HELP for ${name}`);
          help.set(name, helpMatch[2]!);
        } else {
          if (types.has(name)) throw new Error(`line ${n}: second TYPE for ${name}`);
          if (series.some((s) => s.family === name)) throw new Error(`line ${n}: TYPE for ${name} after its samples`);
          types.set(name, typeMatch![2] as MetricType);
        }
        return;
      }
      if (line.startsWith('#')) return; // a comment
      const sample = SAMPLE_LINE.exec(line);
      if (!sample) throw new Error(`line ${n}: not a sample: ${line}`);
      const [, name, labelText, valueText] = sample as unknown as [string, string, string | undefined, string];
      const family = familyOf(name, types);
      if (!family) throw new Error(`line ${n}: ${name} has no # TYPE before it`);
      if (family !== current) throw new Error(`line ${n}: ${name} is outside its family's block`);
      const labels = labelText === undefined ? {} : parseLabels(labelText, n);
      const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
      if (seen.has(key)) throw new Error(`line ${n}: series ${key} twice`);
      seen.add(key);
      series.push({ name, family, labels, value: parseValue(valueText) });
    });

  checkCounters(types, series);
  checkHistograms(types, series);
  return { types, help, series };
}

function checkCounters(types: Map<string, MetricType>, series: Series[]): void {
  for (const s of series) {
    if (types.get(s.family) !== 'counter') continue;
    if (!s.name.endsWith('_total')) throw new Error(`counter ${s.name} should end in _total`);
    if (!(s.value >= 0)) throw new Error(`counter ${s.name} is ${s.value}`);
  }
}

/** Buckets cumulative, an le="+Inf" bucket equal to _count, a _sum for every series. */
function checkHistograms(types: Map<string, MetricType>, series: Series[]): void {
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    const groups = new Map<string, { buckets: [number, number][]; sum?: number; count?: number }>();
    for (const s of series.filter((x) => x.family === family)) {
      const { le, ...rest } = s.labels;
      const key = JSON.stringify(Object.entries(rest).sort());
      const group = groups.get(key) ?? { buckets: [] };
      groups.set(key, group);
      if (s.name === `${family}_bucket`) {
        if (le === undefined) throw new Error(`${family}_bucket without le`);
        group.buckets.push([parseValue(le), s.value]);
      } else if (s.name === `${family}_sum`) group.sum = s.value;
      else if (s.name === `${family}_count`) group.count = s.value;
      else throw new Error(`${s.name} in histogram ${family}`);
    }
    for (const [key, { buckets, sum, count }] of groups) {
      const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
      sorted.forEach(([, value], i) => {
        if (i > 0 && value < sorted[i - 1]![1]) throw new Error(`${family}${key}: buckets not cumulative`);
      });
      const inf = sorted.at(-1);
      if (!inf || inf[0] !== Infinity) throw new Error(`${family}${key}: no le="+Inf" bucket`);
      if (count === undefined || sum === undefined) throw new Error(`${family}${key}: _sum or _count missing`);
      if (inf[1] !== count) throw new Error(`${family}${key}: +Inf bucket ${inf[1]} != count ${count}`);
    }
  }
}

/** The value of the first series of `name` whose labels include `labels`, or undefined. */
export function valueOf(exposition: Exposition, name: string, labels: Record<string, string> = {}): number | undefined {
  return exposition.series.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    ?.value;
}

/** The sum over every series of `name` whose labels include `labels`. */
export function sumOf(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  return exposition.series
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}
