/**
 * The weekly digest scheduler with a clock the test moves: two instances sharing one store post
 * exactly one digest per ISO week, through the outbox; a digest missed while the bot was down goes
 * out once when it is back, and only the latest one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../bot/logger';
import { DIGEST_KIND, digestMessageId, readDigestPayload } from '../../../bot/scheduler/digest-message';
import { DIGEST_LEASE, DigestScheduler, type TickOutcome } from '../../../bot/scheduler/digest-scheduler';
import { seedCovenantParties } from '../../../src/parties/registry';
import { mondayOfWeek } from '../../../src/scheduling/iso-week';
import { zonedInstant } from '../../../src/scheduling/zoned-time';
import { expectValidAdaptiveCard } from '../../support/adaptive-card';
import { storeFactories, type TestStore } from '../../support/stores';

const CHANNEL = '19:platform@thread.tacv2';
const HOUR = 3_600_000;
const logger = createLogger('silent');

function schedulers(store: TestStore, clock: () => Date, count = 2): DigestScheduler[] {
  return Array.from(
    { length: count },
    (_, i) =>
      new DigestScheduler({
        store,
        clock,
        schedule: { kind: 'weekly', isoWeekday: 1, hour: 9, minute: 0 },
        timeZone: 'Europe/Amsterdam',
        platformChannelId: CHANNEL,
        logger,
        instanceId: `instance-${i + 1}`,
      }),
  );
}

/** 2025-W01's digest: Monday 30 December 2024, 09:00 in Amsterdam. */
const FIRST_SLOT = Date.parse('2024-12-30T08:00:00Z');

/** From 2025-W01's slot to before 2026-W01's. */
function hourlyThrough2025(): number[] {
  const ticks: number[] = [];
  for (let t = FIRST_SLOT; t < Date.parse('2025-12-29T08:00:00Z'); t += HOUR) ticks.push(t);
  return ticks;
}

function aroundEachSlotOf2025(): number[] {
  return weeksOf2025
    .flatMap((week) => {
      const slot = zonedInstant(mondayOfWeek(week), 9, 0, 'Europe/Amsterdam').getTime();
      return [slot - HOUR, slot, slot + HOUR];
    })
    .filter((t) => t >= FIRST_SLOT); // before it, 2024-W52's digest would still be due
}

const weeksOf2025 = Array.from({ length: 52 }, (_, i) => `2025-W${String(i + 1).padStart(2, '0')}`);

describe.each(storeFactories)('the weekly digest ($name)', ({ name, create }) => {
  let store: TestStore;
  let now: Date;
  const clock = () => now;
  beforeEach(async () => {
    store = await create();
    await seedCovenantParties(store, { origin: 'test' });
  });
  afterEach(() => store.close());

  // The memory store ticks every hour of the year. FerretDB is slower, so it ticks at the boundaries that
  // matter: the hour before each Monday 09:00 in Amsterdam, the minute itself, and an hour after.
  const ticks = name === 'memory' ? hourlyThrough2025() : aroundEachSlotOf2025();

  it(`two instances ticking ${name === 'memory' ? 'every hour' : 'around each slot'} of 2025 post exactly 52 digests, one per ISO week`, async () => {
    const [a, b] = schedulers(store, clock) as [DigestScheduler, DigestScheduler];
    const outcomes: TickOutcome['kind'][] = [];
    for (const t of ticks) {
      now = new Date(t);
      const [first, second] = await Promise.all([a.tick(), b.tick()]);
      outcomes.push(first.kind, second.kind);
    }

    expect(await store.outbox.countByStatus()).toEqual({ pending: 52 });
    // 'posted-by-other': both got past the check at once, and the unique id kept one.
    expect(outcomes.filter((o) => o === 'posted' || o === 'posted-by-other').length).toBeGreaterThanOrEqual(52);
    expect(outcomes.filter((o) => o === 'posted')).toHaveLength(52);
    for (const week of weeksOf2025) {
      const message = await store.outbox.get(digestMessageId(week));
      expect(message, week).toMatchObject({ kind: DIGEST_KIND, conversationKey: `conversation:${CHANNEL}` });
      expect(readDigestPayload(message!)?.isoWeek).toBe(week);
      // Posted at the first tick at or after Monday 09:00 Amsterdam (07:00 or 08:00 UTC).
      const monday = mondayOfWeek(week);
      expect(message!.createdAt.slice(0, 10), week).toBe(monday);
    }
    const w36 = readDigestPayload((await store.outbox.get('digest:2025-W36'))!)!;
    const content = expectValidAdaptiveCard(w36.card);
    expect(JSON.stringify(content)).toContain('Weekoverzicht convenant — week 36, 2025');
  }, 60_000);
});

describe('a digest missed while the bot was down', () => {
  let store: TestStore;
  let now: Date;
  const clock = () => now;
  beforeEach(async () => {
    store = await storeFactories[0]!.create();
    await seedCovenantParties(store, { origin: 'test' });
  });
  afterEach(() => store.close());

  async function tickHourly(instances: DigestScheduler[], from: string, until: string): Promise<void> {
    for (let t = Date.parse(from); t < Date.parse(until); t += HOUR) {
      now = new Date(t);
      for (const instance of instances) await instance.tick();
    }
  }

  it('is posted once when the bot is back: down from Sunday to Tuesday', async () => {
    const instances = schedulers(store, clock);
    await tickHourly(instances, '2025-09-01T07:00:00Z', '2025-09-07T12:00:00Z'); // W36 posted on Monday 09:00
    // Down from Sunday noon to Tuesday 10:00: Monday 8 September 09:00 passes unseen.
    await tickHourly(instances, '2025-09-09T10:00:00Z', '2025-09-14T22:00:00Z');

    expect(await store.outbox.countByStatus()).toEqual({ pending: 2 });
    expect((await store.outbox.get('digest:2025-W37'))?.createdAt).toBe('2025-09-09T10:00:00.000Z');
    const card = JSON.stringify(readDigestPayload((await store.outbox.get('digest:2025-W37'))!)?.card);
    // The week it stands for, with the figures of the moment it was made.
    expect(card).toContain('week 37, 2025');
    expect(card).toContain('Stand per 9 september 2025');
  });

  it('is only the latest: three weeks down post one digest, not a backlog', async () => {
    const instances = schedulers(store, clock, 1);
    await tickHourly(instances, '2025-09-01T07:00:00Z', '2025-09-01T09:00:00Z'); // W36 posted
    await tickHourly(instances, '2025-09-24T12:00:00Z', '2025-09-24T14:00:00Z'); // back on Wednesday of W39
    expect(await store.outbox.countByStatus()).toEqual({ pending: 2 });
    expect(await store.outbox.get('digest:2025-W37')).toBeUndefined();
    expect(await store.outbox.get('digest:2025-W38')).toBeUndefined();
    expect(await store.outbox.get('digest:2025-W39')).toBeDefined();
  });

  it('waits while another instance holds the lease, and posts once it runs out', async () => {
    const [instance] = schedulers(store, clock, 1) as [DigestScheduler];
    now = new Date('2025-09-08T07:00:00Z');
    await store.leases.acquire(DIGEST_LEASE, 'an-instance-that-died', now.toISOString(), '2025-09-08T07:02:00.000Z');
    expect(await instance.tick()).toMatchObject({ kind: 'lease-held-elsewhere', slot: { isoWeek: '2025-W37' } });
    now = new Date('2025-09-08T07:02:00Z');
    expect(await instance.tick()).toMatchObject({ kind: 'posted', slot: { isoWeek: '2025-W37' } });
    expect(await instance.tick()).toMatchObject({ kind: 'already-posted' });
  });

  it('runs on a timer: start() ticks at once, stop() waits for the tick', async () => {
    const [instance] = schedulers(store, clock, 1) as [DigestScheduler];
    now = new Date('2025-09-09T10:00:00Z');
    instance.start(60_000);
    await instance.stop();
    expect(await store.outbox.get('digest:2025-W37')).toBeDefined();
  });
});
