/**
 * A tenancy for tests of signals and reminders: the marker nomination of status-flow.ts taken
 * through the real lifecycle — Vidomes acknowledges, proposes a home, the counsellor confirms it
 * suitable, the one-time offer is accepted, the credit check passes and the temporary lease is
 * signed (4.9) — each step notified as the bot does, so the status cards are in the chats.
 */
import { notifyNominationChange } from '../../bot/outbox/notify-nomination';
import type { DraftFields } from '../../src/nomination/draft';
import type { Nomination } from '../../src/nomination/nomination';
import { NominationService } from '../../src/nomination/service';
import type { TransitionName } from '../../src/nomination/transitions';
import type { DemoRole } from '../../src/parties/demo-contacts';
import type { Store } from '../../src/storage/ports';
import { addYears, localDate } from '../../src/time/dates';
import { demoActor, secretDraftFields, seedRegistered, type TestClock } from './status-flow';

export interface TenancyOptions {
  /** 8.1, 10.5: the guidance agreement lets the counsellor tell the landlord of an end or refusal. */
  guidanceEndMayBeShared?: boolean;
  /** Id of the nomination (seedRegistered's default otherwise). */
  id?: string;
  /** The nomination's draft fields (the marker nomination's otherwise). */
  fields?: DraftFields;
}

export async function seedTenancy(store: Store, time: TestClock, options: TenancyOptions = {}): Promise<Nomination> {
  const { nomination } = await seedRegistered(store, time, options.fields ?? secretDraftFields(), options.id);
  const service = new NominationService({ store, clock: time.clock, origin: 'test' });
  const today = localDate(time.clock());
  let current = nomination;
  const step = async (role: DemoRole, transition: TransitionName, payload: Record<string, unknown> = {}) => {
    const result = await service.apply(current.id, demoActor(role), transition, payload, current.version);
    if (!result.ok) throw new Error(`${transition}: ${result.error.message}`);
    await notifyNominationChange({ store, clock: time.clock }, result);
    current = result.nomination;
  };
  await step('landlord-vidomes', 'acknowledge');
  await step('landlord-vidomes', 'propose-home', { description: 'Dorpsstraat 12, Voorburg' });
  await step('counsellor-parnassia', 'confirm-suitable');
  await step('landlord-vidomes', 'make-offer', { madeOn: today });
  await step('landlord-vidomes', 'record-offer-answer', { answer: 'accepted', answeredOn: today });
  await step('landlord-vidomes', 'record-credit-check', { on: today, outcome: 'ok' });
  await step('landlord-vidomes', 'sign-lease', {
    signedOn: today,
    temporaryUntil: addYears(today, 2),
    guidanceAgreementUntil: addYears(today, 1),
    counsellorPresent: true,
    guidanceEndMayBeShared: options.guidanceEndMayBeShared ?? true,
  });
  return current;
}
