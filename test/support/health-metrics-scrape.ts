/**
 * Reading the health and metrics endpoints as a load balancer and a Prometheus server would:
 * one plain HTTP GET each, bounded so a hung endpoint fails the test instead of stalling it.
 */

const REQUEST_TIMEOUT_MS = 5_000;

export interface HealthAnswer {
  status: number;
  body: {
    status?: string;
    info?: Record<string, Record<string, unknown>>;
    error?: Record<string, Record<string, unknown>>;
    details?: Record<string, Record<string, unknown>>;
  };
}

export async function health(baseUrl: string, which: 'live' | 'ready'): Promise<HealthAnswer> {
  const response = await fetch(`${baseUrl}/health/${which}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return { status: response.status, body: (await response.json()) as HealthAnswer['body'] };
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Scrape {
  status: number;
  contentType: string;
  text: string;
  samples: Sample[];
}

export async function scrape(baseUrl: string): Promise<Scrape> {
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, samples: parseExposition(text) };
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/y;

/**
 * The Prometheus text format (0.0.4), parsed independently of the library that wrote it:
 * comment lines skipped, label values unescaped (\\, \" and \n). A line that is neither a
 * comment nor a well-formed sample fails the parse, so malformed output cannot pass unnoticed.
 */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`Not a Prometheus sample line: ${line}`);
    const [, name, labelText = '', rawValue] = match;
    const labels: Record<string, string> = {};
    LABEL.lastIndex = 0;
    while (LABEL.lastIndex < labelText.length) {
      const label = LABEL.exec(labelText);
      if (!label) throw new Error(`Malformed labels in: ${line}`);
      labels[label[1]] = label[2].replace(/\\(.)/g, (_, escaped: string) => (escaped === 'n' ? '\n' : escaped));
    }
    const value = rawValue === '+Inf' ? Infinity : rawValue === '-Inf' ? -Infinity : Number(rawValue);
    if (Number.isNaN(value) && rawValue !== 'NaN') throw new Error(`Malformed value in: ${line}`);
    samples.push({ name, labels, value });
  }
  return samples;
}

function sameLabels(actual: Record<string, string>, wanted: Record<string, string>): boolean {
  const keys = Object.keys(actual);
  return keys.length === Object.keys(wanted).length && keys.every((key) => actual[key] === wanted[key]);
}

/** The samples named `name` whose label set is exactly `labels`. */
export function samplesOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter((sample) => sample.name === name && sameLabels(sample.labels, labels));
}

/**
 * The value of the one sample with exactly these labels; undefined when the series is absent
 * (a labelled counter shows no line until it is first incremented).
 */
export function valueOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samplesOf(samples, name, labels);
  if (found.length > 1) throw new Error(`${found.length} samples of ${name}${JSON.stringify(labels)}`);
  return found[0]?.value;
}

/** A counter's value, absent counting as zero: for before/after differences. */
export function counterOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  return valueOf(samples, name, labels) ?? 0;
}
