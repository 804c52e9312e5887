/**
 * The pieces of /metrics on their own: the registry's text format (escaping, histograms, label
 * guard), the bearer check, the failure classification and the metered sender.
 */
import { describe, expect, it } from 'vitest';
import type { CardAttachment } from '../../cards/render';
import { ConfigError, describeConfig, parseConfig } from '../../bot/config';
import { bearerMatches } from '../../bot/metrics-endpoint';
import { Counter, Gauge, Histogram, Registry } from '../../bot/metrics-registry';
import { activityKind, BotMetrics, failureLabels } from '../../bot/metrics';
import { MeteredProactiveSender } from '../../bot/metrics-sender';
import { DeliveryError, type ProactiveSender } from '../../bot/outbox/proactive-sender';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import { parseExposition, valueOf } from './metrics-text';

describe('Registry', () => {
  it('writes counters, gauges and histograms in the text format, escaping HELP and label values', () => {
    const registry = new Registry();
    const counter = registry.register(new Counter('x_events_total', 'Events.\nWith a \\ backslash.', ['kind']));
    const gauge = registry.register(new Gauge('x_depth', 'Depth.', ['status']));
    const histogram = registry.register(new Histogram('x_seconds', 'Latency.', ['op'], [0.5, 0.1, 1]));
    registry.register(new Gauge('x_empty', 'Never set: left out.', []));
    counter.inc({ kind: 'a' });
    counter.inc({ kind: 'a' }, 2);
    counter.inc({ kind: 'b"\n\\' });
    gauge.set([{ labels: { status: 'pending' }, value: 3 }]);
    histogram.observe({ op: 'post' }, 0.05);
    histogram.observe({ op: 'post' }, 0.7);
    histogram.observe({ op: 'post' }, 3);

    const text = registry.expose();
    expect(text).toContain('# HELP x_events_total Events.\\nWith a \\\\ backslash.\n');
    expect(text).toContain('x_events_total{kind="a"} 3\n');
    // Not a token from a fixed vocabulary: written as "other", never as given.
    expect(text).toContain('x_events_total{kind="other"} 1\n');
    expect(text).not.toContain('x_empty');
    expect(text).toContain(
      [
        'x_seconds_bucket{op="post",le="0.1"} 1',
        'x_seconds_bucket{op="post",le="0.5"} 1',
        'x_seconds_bucket{op="post",le="1"} 2',
        'x_seconds_bucket{op="post",le="+Inf"} 3',
        'x_seconds_sum{op="post"} 3.75',
        'x_seconds_count{op="post"} 3',
      ].join('\n'),
    );
    const parsed = parseExposition(text);
    expect(valueOf(parsed, 'x_depth', { status: 'pending' })).toBe(3);
  });

  it('refuses bad names, a reserved label and a counter going down', () => {
    expect(() => new Counter('bad-name_total', 'x', [])).toThrow();
    expect(() => new Histogram('x_seconds', 'x', ['le'], [1])).toThrow();
    expect(() => new Counter('x_total', 'x', []).inc({}, -1)).toThrow();
    const registry = new Registry();
    registry.register(new Gauge('x', 'x', []));
    expect(() => registry.register(new Gauge('x', 'x', []))).toThrow();
  });
});

describe('bearerMatches', () => {
  const token = 'abcdefghijklmnopqrstuvwxyz012345';
  it.each([
    [`Bearer ${token}`, true],
    [`bearer ${token}`, true],
    [`Bearer  ${token} `, true],
    [`Bearer ${token}6`, false],
    [`Bearer ${token.slice(1)}`, false],
    [token, false],
    [`Basic ${token}`, false],
    ['Bearer ', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(bearerMatches(header, token)).toBe(expected);
  });
});

describe('METRICS_TOKEN', () => {
  it('is optional, and when set must be a long token; the start-up description says only whether it is set', () => {
    expect(parseConfig({}).metricsToken).toBeUndefined();
    const token = 'a'.repeat(15) + '!';
    const config = parseConfig({ METRICS_TOKEN: token });
    expect(config.metricsToken).toBe(token);
    expect(JSON.stringify(describeConfig(config))).not.toContain(token);
    expect(describeConfig(config)).toMatchObject({ metricsProtected: true });
    for (const bad of ['short-token', 'with a space in it, long enough', 'ümlaut-token-long-enough']) {
      let error: unknown;
      try {
        parseConfig({ METRICS_TOKEN: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['METRICS_TOKEN']);
      expect((error as ConfigError).message).not.toContain(bad);
    }
  });
});

describe('labels', () => {
  it('names activities from a fixed list', () => {
    expect(activityKind({ type: 'message', text: 'Jan Jansen' })).toBe('message');
    expect(activityKind({ type: 'invoke', name: 'adaptiveCard/action' })).toBe('cardAction');
    expect(activityKind({ type: 'invoke', name: 'composeExtension/query' })).toBe('invoke');
    expect(activityKind({ type: 'Jan Jansen' })).toBe('other');
    expect(activityKind(undefined)).toBe('other');
    expect(activityKind('{"type":"message"}')).toBe('other');
  });

  it('classifies failed sends by status class and reason', () => {
    expect(failureLabels(429)).toEqual({ status_class: '4xx', reason: 'throttled' });
    expect(failureLabels(403)).toEqual({ status_class: '4xx', reason: 'forbidden' });
    expect(failureLabels(404)).toEqual({ status_class: '4xx', reason: 'not_found' });
    expect(failureLabels(412)).toEqual({ status_class: '4xx', reason: 'precondition_failed' });
    expect(failureLabels(400)).toEqual({ status_class: '4xx', reason: 'client_error' });
    expect(failureLabels(502)).toEqual({ status_class: '5xx', reason: 'bad_gateway' });
    expect(failureLabels(599)).toEqual({ status_class: '5xx', reason: 'server_error' });
    expect(failureLabels(undefined)).toEqual({ status_class: 'none', reason: 'no_answer' });
    expect(failureLabels(302)).toEqual({ status_class: 'other', reason: 'other' });
  });
});

describe('MeteredProactiveSender', () => {
  const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: {} } as CardAttachment;

  it('counts each call and passes results and errors on unchanged', async () => {
    const store = createMemoryStore();
    const metrics = new BotMetrics({ store });
    const gone = new DeliveryError(404, undefined, new Error('gone'));
    const network = new Error('ECONNRESET');
    const inner: ProactiveSender = {
      post: async () => ({ activityId: 'a1' }),
      update: async (_reference, activityId) => {
        if (activityId === 'gone') throw gone;
        throw network;
      },
    };
    const sender = new MeteredProactiveSender(inner, metrics);
    expect(await sender.post({}, card)).toEqual({ activityId: 'a1' });
    await expect(sender.update({}, 'gone', card)).rejects.toBe(gone);
    await expect(sender.update({}, 'other', card)).rejects.toBe(network);

    const exposition = parseExposition(await metrics.expose());
    metrics.close();
    await store.close();
    expect(valueOf(exposition, 'convenantbot_delivery_attempts_total', { operation: 'post' })).toBe(1);
    expect(valueOf(exposition, 'convenantbot_delivery_attempts_total', { operation: 'update' })).toBe(2);
    expect(
      valueOf(exposition, 'convenantbot_delivery_failures_total', { operation: 'update', reason: 'not_found' }),
    ).toBe(1);
    expect(
      valueOf(exposition, 'convenantbot_delivery_failures_total', { operation: 'update', reason: 'no_answer' }),
    ).toBe(1);
    expect(valueOf(exposition, 'convenantbot_delivery_failures_total', { operation: 'post' })).toBeUndefined();
  });
});
