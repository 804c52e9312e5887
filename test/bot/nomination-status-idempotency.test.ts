/**
 * The same Action.Execute delivered twice, for every step on the status card, on each store:
 * Teams retrying an invoke (the same activity again) and a double click (two at once). The step
 * is taken once — one version, one history entry, one audit record, the notifications once — and
 * both answers are the card as it now stands. (nomination-status-flow covers a retried
 * "acknowledge"; the service's own race tests run without the bot.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_STEPS, type CardStep } from '../../cards/nomination-status/status.model';
import type { Nomination } from '../../src/nomination/nomination';
import {
  nominationIn,
  press,
  startAccessWorld,
  STEP_SETUP,
  stepData,
  type AccessWorld,
  type Answer,
  type Column,
} from '../support/access-world';
import { TestClock } from '../support/status-flow';
import { snapshotStore, type SnapshotStore } from '../support/store-snapshot';
import { storeFactories } from '../support/stores';

/** Who takes each step (record-offer-answer, record-evaluation: either side). */
const ACTOR: Record<CardStep, Column> = {
  acknowledge: 'landlord-addressed',
  'propose-home': 'landlord-addressed',
  'confirm-suitable': 'counsellor',
  'reject-suitable': 'counsellor',
  'make-offer': 'landlord-addressed',
  'record-offer-answer': 'landlord-addressed',
  'plan-intake': 'landlord-addressed',
  'record-credit-check': 'landlord-addressed',
  'sign-lease': 'landlord-addressed',
  // The counsellor records it here (either side may); the landlord recorded the one to confirm.
  'record-evaluation': 'counsellor',
  'confirm-evaluation': 'counsellor',
  'convert-lease': 'landlord-addressed',
  refuse: 'landlord-addressed',
  withdraw: 'counsellor',
};

describe.each(storeFactories)('a card action delivered twice ($name store)', ({ create }) => {
  let store: SnapshotStore;
  let world: AccessWorld;

  beforeAll(async () => {
    store = snapshotStore(await create());
    world = await startAccessWorld(store, new TestClock());
  });
  afterAll(async () => {
    await world.stop();
    await store.close();
  });

  const pending = async () => (await store.outbox.countByStatus()).pending ?? 0;
  const successes = (n: Nomination, step: CardStep) =>
    store.auditWritten().filter((r) => r.object.id === n.id && r.action === `nomination.transition:${step}`);
  const card = (answer: Answer) => {
    expect(answer.texts).toEqual([]);
    expect(answer.cards).toHaveLength(1);
    return JSON.stringify(answer.cards[0]);
  };

  async function expectTakenOnce(before: Nomination, step: CardStep) {
    const after = (await store.nominations.get(before.id))!;
    expect(after.version).toBe(before.version + 1);
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(
      new Set(
        successes(before, step)
          .filter((r) => r.result === 'success')
          .map((r) => r.id),
      ).size,
    ).toBe(1);
    return after;
  }

  it.for(CARD_STEPS)('%s: a retried invoke and a double click take the step once', async (step) => {
    const { from } = STEP_SETUP[step];
    const who = ACTOR[step];

    // Teams retries the invoke: the very same activity, after the first answer.
    const first = await nominationIn(store, world.time, from);
    let mark = await pending();
    const retried = { id: `retry-${step}` };
    const answer = card(await press(world, who, 'personal', `nomination.${step}`, stepData(step, first), retried));
    const notifications = (await pending()) - mark;
    mark = await pending();
    const again = card(await press(world, who, 'personal', `nomination.${step}`, stepData(step, first), retried));
    expect(again).toBe(answer);
    expect(await pending(), 'notified again').toBe(mark);
    await expectTakenOnce(first, step);
    // Both answers are the card as it now stands, as "Open" shows it.
    expect(answer).toBe(card(await press(world, who, 'personal', 'nomination.open', { nominationId: first.id })));

    // A double click: two invokes at once, from one card.
    const second = await nominationIn(store, world.time, from);
    mark = await pending();
    const data = stepData(step, second);
    const both = await Promise.all(
      ['a', 'b'].map((click) => press(world, who, 'personal', `nomination.${step}`, data, { id: `${step}-${click}` })),
    );
    const [one, other] = both.map(card);
    expect(one).toBe(other);
    await expectTakenOnce(second, step);
    expect((await pending()) - mark, 'notifications of one step').toBe(notifications);
  });
});
