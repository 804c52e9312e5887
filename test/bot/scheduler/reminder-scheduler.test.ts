/**
 * Reminders with a clock the test moves, on each store: each fires once at 09:00 in Amsterdam on
 * its day — a second before, nothing; at it, one message per recipient; later ticks, and a second
 * instance ticking at the same moments, nothing more. The landlord's card carries the landlord
 * view only (10.6), the organisation's its own view, the platform channel counts only (10.2).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../bot/config';
import { createLogger } from '../../../bot/logger';
import type { ProactiveSender } from '../../../bot/outbox/proactive-sender';
import { OutboxWorker } from '../../../bot/outbox/worker';
import { ReminderScheduler } from '../../../bot/scheduler/reminder-scheduler';
import type { Nomination } from '../../../src/nomination/nomination';
import { PARNASSIA_ID } from '../../../src/parties/covenant-parties';
import { DEFAULT_DEMO_IDENTITIES, demoContactId, seedDemoContacts } from '../../../src/parties/demo-contacts';
import { expectValidAdaptiveCard } from '../../support/adaptive-card';
import { aNominationFullOfSecrets, LANDLORD_FORBIDDEN_MARKERS } from '../../support/nomination-fixture';
import { storeFactories, type TestStore } from '../../support/stores';

const CHANNEL = '19:platform@thread.tacv2';
const logger = createLogger('silent');
const user = (role: keyof typeof DEFAULT_DEMO_IDENTITIES) => `user:${DEFAULT_DEMO_IDENTITIES[role]}`;
const VICTOR = user('landlord-vidomes');
const WIM = user('landlord-wooninvest');
const BEA = user('counsellor-parnassia');
const SECOND = 1000;
const DAY = 86_400_000;

/** The marker nomination by the Parnassia counsellor, reduced to what each test needs. */
function nomination(id: string, overrides: Partial<Nomination>): Omit<Nomination, 'version'> {
  const { version: _version, ...full } = aNominationFullOfSecrets({
    id,
    nominatingPartyId: PARNASSIA_ID,
    nominatedByContactId: demoContactId('counsellor-parnassia'),
    type: 'convenantwoning',
    noodwoning: undefined,
    acknowledgements: [],
    proposedHome: undefined,
    suitabilityConfirmedAt: undefined,
    offer: undefined,
    intake: undefined,
    creditCheck: undefined,
    lease: undefined,
    evaluations: [],
    refusal: undefined,
    ...overrides,
  });
  return full;
}

describe.each(storeFactories)('reminders ($name store)', ({ create }) => {
  let store: TestStore;
  let now: Date;
  const clock = () => now;
  const schedulers = (platformChannelId?: string) =>
    ['a', 'b'].map(
      (instanceId) =>
        new ReminderScheduler({
          store,
          clock,
          timeZone: 'Europe/Amsterdam',
          logger,
          instanceId,
          ...(platformChannelId && { platformChannelId }),
        }),
    );
  /** Both instances tick at `instant`; returns how many messages the outbox holds then. */
  const tickAt = async (instant: string | number, instances = schedulers()) => {
    now = new Date(instant);
    await Promise.all(instances.map((s) => s.tick()));
    return (await store.outbox.countByStatus()).pending ?? 0;
  };

  beforeEach(async () => {
    store = await create();
    await seedDemoContacts(store, DEFAULT_DEMO_IDENTITIES, { origin: 'test' });
    for (const key of [VICTOR, WIM, BEA]) {
      await store.conversations.upsert({
        key,
        reference: { serviceUrl: 'https://smba.example/', conversation: { id: key } },
        updatedAt: '2025-01-01T00:00:00.000Z',
      });
    }
  });
  afterEach(() => store.close());

  it('5.4: the offer target approaching (two weeks ahead) and passed, to the landlords still searching', async () => {
    // Registered Monday 3 March 2025, 10:00 in Amsterdam: the target is 3 June.
    await store.nominations.insert(
      nomination('n-offer', { state: 'registered', registeredAt: '2025-03-03T09:00:00.000Z' }),
    );
    const approaching = Date.parse('2025-05-20T07:00:00Z'); // 09:00 CEST, 14 days before 3 June
    expect(await tickAt(approaching - SECOND)).toBe(0);
    expect(await tickAt(approaching)).toBe(2);
    expect(await store.outbox.get(`reminder:offer-target-approaching:n-offer:2025-06-03:${VICTOR}`)).toBeDefined();
    expect(await store.outbox.get(`reminder:offer-target-approaching:n-offer:2025-06-03:${WIM}`)).toBeDefined();
    for (const later of [approaching + 60 * SECOND, approaching + DAY, Date.parse('2025-06-03T20:00:00Z')]) {
      expect(await tickAt(later)).toBe(2);
    }
    const passed = Date.parse('2025-06-04T07:00:00Z'); // the day after the target
    expect(await tickAt(passed - SECOND)).toBe(2);
    expect(await tickAt(passed)).toBe(4);
    for (const later of [passed + 60 * SECOND, passed + DAY, passed + 30 * DAY]) expect(await tickAt(later)).toBe(4);

    // Delivered: the landlord view only — the candidate's name and dates, nothing kept from landlords (10.6).
    const cards = await deliverAll();
    expect(cards.map((c) => c.conversationKey).sort()).toEqual([VICTOR, VICTOR, WIM, WIM]);
    for (const { text } of cards) {
      expect(text).toContain('Jan MARKER');
      expect(text).toContain('03-06-2025');
      for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(text).not.toContain(marker);
    }
    expect(cards.some(({ text }) => text.includes('streefdatum voor een woningaanbod nadert (5.4)'))).toBe(true);
    expect(cards.some(({ text }) => text.includes('streefdatum voor een woningaanbod is verstreken (5.4)'))).toBe(true);
  });

  it('nothing for a nomination that got its offer in time', async () => {
    await store.nominations.insert(
      nomination('n-offered', {
        state: 'offer-made',
        registeredAt: '2025-03-03T09:00:00.000Z',
        offer: { landlordId: 'vidomes', madeOn: '2025-05-01' },
      }),
    );
    for (const t of ['2025-05-20T07:00:00Z', '2025-06-04T07:00:00Z', '2025-06-05T07:00:00Z'])
      expect(await tickAt(t)).toBe(0);
  });

  it('5.11 and 4.9: the yearly evaluation and the end of the temporary lease, to counsellor and landlord', async () => {
    await store.nominations.insert(
      nomination('n-lease', {
        state: 'lease-signed',
        registeredAt: '2025-01-06T09:00:00.000Z',
        offer: { landlordId: 'vidomes', madeOn: '2025-02-01', answer: 'accepted', answeredOn: '2025-02-02' },
        lease: {
          landlordId: 'vidomes',
          signedOn: '2025-03-01',
          temporaryUntil: '2027-03-01',
          guidanceAgreementUntil: '2026-03-01',
          guidanceEndMayBeShared: true,
        },
      }),
    );
    // Evaluation due 1 March 2026: the reminder goes out 15 February, 09:00 CET.
    const evaluation = Date.parse('2026-02-15T08:00:00Z');
    expect(await tickAt(evaluation - SECOND)).toBe(0);
    expect(await tickAt(evaluation)).toBe(2);
    expect(await store.outbox.get(`reminder:evaluation-due:n-lease:2026-03-01:${VICTOR}`)).toBeDefined();
    expect(await store.outbox.get(`reminder:evaluation-due:n-lease:2026-03-01:${BEA}`)).toBeDefined();
    for (const later of [evaluation + 60 * SECOND, evaluation + 3 * DAY]) expect(await tickAt(later)).toBe(2);

    // The lease ends 1 March 2027: two months ahead, 1 January 2027 at 09:00 CET, with the conversion decision.
    const ending = Date.parse('2027-01-01T08:00:00Z');
    expect(await tickAt(ending - SECOND)).toBe(2);
    expect(await tickAt(ending)).toBe(4);
    for (const later of [ending + 60 * SECOND, ending + DAY, Date.parse('2027-03-01T20:00:00Z')]) {
      expect(await tickAt(later)).toBe(4);
    }

    const cards = await deliverAll();
    const ends = cards.filter(({ text }) => text.includes('loopt af (4.9)'));
    expect(ends.map((c) => c.conversationKey).sort()).toEqual([BEA, VICTOR].sort());
    for (const { text } of ends) {
      expect(text).toContain('01-03-2027');
      expect(text).toContain('omgezet naar een huurovereenkomst voor onbepaalde tijd');
      expect(text).toContain('nomination.open');
    }
    const toVictor = cards.filter((c) => c.conversationKey === VICTOR);
    for (const { text } of toVictor)
      for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(text).not.toContain(marker);
    // The organisation sees its own view: here its motivations may show, on its own card only.
    expect(cards.filter((c) => c.conversationKey === BEA).every(({ text }) => text.includes('Jan MARKER'))).toBe(true);
  });

  it('6.4 and 2b/9: the noodwoning quota and Duivenvoorde’s home used up, to the platform channel, counts only', async () => {
    const noodwoning = (id: string, madeOn: string) =>
      nomination(id, {
        type: 'noodwoning',
        nominatingPartyId: 'limor',
        state: 'offer-made',
        registeredAt: '2025-01-06T09:00:00.000Z',
        offer: { landlordId: 'vidomes', madeOn },
      });
    await store.nominations.insert(noodwoning('n-nood-1', '2025-04-10'));
    await store.nominations.insert(noodwoning('n-nood-2', '2025-06-16'));
    await store.nominations.insert(
      nomination('n-duivenvoorde', {
        state: 'lease-signed',
        targetLandlordIds: ['duivenvoorde'],
        verdict: undefined,
        registeredAt: '2025-01-06T09:00:00.000Z',
        offer: { landlordId: 'duivenvoorde', madeOn: '2025-04-01', answer: 'accepted', answeredOn: '2025-04-02' },
        lease: {
          landlordId: 'duivenvoorde',
          signedOn: '2025-05-05',
          temporaryUntil: '2027-05-05',
          guidanceAgreementUntil: '2026-05-05',
          guidanceEndMayBeShared: false,
        },
      }),
    );
    const platform = schedulers(CHANNEL);
    // Without a platform channel, nowhere to say it.
    expect(await tickAt('2025-06-16T07:00:00Z')).toBe(0);

    const duivenvoorde = Date.parse('2025-05-05T07:00:00Z');
    expect(await tickAt(duivenvoorde - SECOND, platform)).toBe(0);
    expect(await tickAt(duivenvoorde, platform)).toBe(1);
    expect(await store.outbox.get('reminder:duivenvoorde-home-used:2025:2025-05-05')).toBeDefined();
    const quota = Date.parse('2025-06-16T07:00:00Z');
    expect(await tickAt(quota - SECOND, platform)).toBe(1);
    expect(await tickAt(quota, platform)).toBe(2);
    for (const later of [quota + 60 * SECOND, quota + DAY, quota + 20 * DAY])
      expect(await tickAt(later, platform)).toBe(2);

    const message = await store.outbox.get('reminder:noodwoning-quota-used-up:2025:2025-06-16');
    expect(message?.conversationKey).toBe(`conversation:${CHANNEL}`);
    const text = JSON.stringify(message?.payload);
    expect(text).toContain('In 2025 zijn 2 van de 2 afgesproken noodwoningen aangeboden');
    for (const secret of ['Jan MARKER', 'n-nood', 'SECRET', 'limor', '2025-04-10']) expect(text).not.toContain(secret);
    const duivenvoordeText = JSON.stringify(
      (await store.outbox.get('reminder:duivenvoorde-home-used:2025:2025-05-05'))?.payload,
    );
    expect(duivenvoordeText).toContain('Stichting Duivenvoorde heeft in 2025 1 van de 1 afgesproken woning');
    expect(duivenvoordeText).not.toContain('Jan MARKER');
  });

  it('one instance at a time: a lease held elsewhere skips the tick', async () => {
    await store.leases.acquire('reminders', 'elsewhere', '2025-05-20T06:00:00.000Z', '2025-05-20T08:00:00.000Z');
    const [a] = schedulers();
    now = new Date('2025-05-20T07:00:00Z');
    expect(await a!.tick()).toEqual({ kind: 'lease-held-elsewhere' });
  });

  /** Delivers every pending message through the real worker; what each conversation got, as text. */
  async function deliverAll(): Promise<{ conversationKey: string; text: string }[]> {
    const posted: { conversationKey: string; text: string }[] = [];
    const sender: ProactiveSender = {
      async post(reference, card) {
        expectValidAdaptiveCard(card);
        const key = (reference.conversation as { id: string }).id;
        posted.push({ conversationKey: key, text: JSON.stringify(card) });
        return { activityId: `a-${posted.length}` };
      },
      async update() {},
    };
    const deps = { config: parseConfig({}), store, logger, clock };
    const worker = new OutboxWorker(deps, sender, { sleep: async () => {}, random: () => 0 });
    const report = await worker.drainOnce();
    expect(report).toMatchObject({ failed: 0, unreachable: 0 });
    return posted;
  }
});
