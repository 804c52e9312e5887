/**
 * The signal card and the reminder card, for each viewer and language: fully bound, valid
 * Adaptive Card 1.5, the acknowledgement button for the receiving side only, nothing for anyone
 * else, and nothing a landlord may not see (10.6) — on the marker nomination.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../bot/i18n/en';
import { nl } from '../../bot/i18n/nl';
import { platformReminderCard, reminderCardFor } from '../../bot/reminders/reminder-card';
import type { ReminderPayload } from '../../bot/scheduler/reminder-message';
import { signalCardFor } from '../../bot/signals/signal-card';
import { addContact, seedCovenantParties } from '../../src/parties/registry';
import type { Signal, SignalKind } from '../../src/signals/signal';
import { createMemoryStore } from '../../src/storage/memory/memory-store';
import type { Store } from '../../src/storage/ports';
import { expectValidAdaptiveCard } from '../support/adaptive-card';
import { aNominationFullOfSecrets, LANDLORD_FORBIDDEN_MARKERS } from '../support/nomination-fixture';

let store: Store;
const clock = () => new Date('2025-09-10T08:00:00Z');
const deps = () => ({ store, clock, config: { timeZone: 'Europe/Amsterdam' } });
const text = (card: unknown) => JSON.stringify(card);

// The marker nomination: LIMOR nominated, WoonInvest leases.
const LANDLORD = { audience: 'landlord' as const, partyId: 'wooninvest' };
const ORGANISATION = { audience: 'organisation' as const, partyId: 'limor' };
const OTHERS = [
  { audience: 'landlord' as const, partyId: 'vidomes' },
  { audience: 'organisation' as const, partyId: 'parnassia-haaglanden' },
];

beforeEach(async () => {
  store = createMemoryStore();
  await seedCovenantParties(store, { origin: 'test' });
  await addContact(
    store,
    'wooninvest',
    {
      id: 'c-wim',
      name: 'Wim Woning',
      email: 'w@w.example',
      role: 'landlord-contact',
    },
    { origin: 'test' },
  );
  await addContact(
    store,
    'limor',
    { id: 'c-lotte', name: 'Lotte Limor', email: 'l@l.example', role: 'counsellor' },
    { origin: 'test' },
  );
  const { version: _version, ...nomination } = aNominationFullOfSecrets();
  await store.nominations.insert(nomination);
});

function signal(kind: SignalKind, overrides: Partial<Signal> = {}): Signal {
  const fromCare = kind === 'einde-begeleiding' || kind === 'weigering-begeleiding';
  return {
    id: 'sig-1',
    version: 1,
    nominationId: 'nom-full-1',
    kind,
    from: fromCare
      ? { side: 'care', partyId: 'limor', contactId: 'c-lotte' }
      : { side: 'landlord', partyId: 'wooninvest', contactId: 'c-wim' },
    to: fromCare ? { side: 'landlord', partyId: 'wooninvest' } : { side: 'care', partyId: 'limor' },
    sentAt: '2025-09-10T07:30:00.000Z',
    ...(kind === 'huurachterstand' && { arrears: { achterstandBedrag: 1234.5, achterstandSinds: '2025-08-01' } }),
    ...overrides,
  };
}

describe('the signal card', () => {
  it.each(['overlast', 'huurachterstand', 'einde-begeleiding', 'weigering-begeleiding'] as const)(
    '%s: the receiver may confirm, the sender sees the state, others get nothing',
    async (kind) => {
      const s = signal(kind);
      const [receiver, sender] = s.to.side === 'care' ? [ORGANISATION, LANDLORD] : [LANDLORD, ORGANISATION];
      for (const texts of [nl, en]) {
        const received = expectValidAdaptiveCard((await signalCardFor(deps(), s, receiver, texts))!);
        expect(text(received)).toContain('signal.acknowledge');
        expect(text(received)).toContain('Jan MARKER');
        const sent = expectValidAdaptiveCard((await signalCardFor(deps(), s, sender, texts))!);
        expect(text(sent)).not.toContain('signal.acknowledge');
        for (const card of [received, sent]) {
          for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(text(card)).not.toContain(marker);
          expect(text(card)).toContain(texts.signals.card.privacyReminder);
          if (kind.endsWith('begeleiding')) expect(text(card)).toContain(texts.signals.card.guidanceNotice);
        }
      }
      for (const other of OTHERS) expect(await signalCardFor(deps(), s, other, nl)).toBeUndefined();
    },
  );

  it('shows the arrears in the reader’s way, and who confirmed when', async () => {
    const s = signal('huurachterstand', { acknowledgement: { contactId: 'c-lotte', at: '2025-09-10T09:15:00.000Z' } });
    const nlCard = text(await signalCardFor(deps(), s, LANDLORD, nl));
    expect(nlCard).toContain('€ 1234,50');
    expect(nlCard).toContain('01-08-2025');
    expect(nlCard).toContain('Ontvangst bevestigd door Lotte Limor, 10-09-2025 om 11:15');
    const enCard = text(await signalCardFor(deps(), s, LANDLORD, en));
    expect(enCard).toContain('€1234.50');
    expect(enCard).toContain('Receipt confirmed by Lotte Limor, 10 Sep 2025 at 11:15');
  });
});

describe('the reminder card', () => {
  const payload = (
    reminderKind: ReminderPayload['reminderKind'],
    viewer: ReminderPayload['viewer'],
  ): ReminderPayload => ({
    reminderKind,
    nominationId: 'nom-full-1',
    dueDate: '2026-03-01',
    viewer,
  });

  it.each(['offer-target-approaching', 'offer-target-passed', 'evaluation-due', 'temporary-lease-ending'] as const)(
    '%s: valid for landlord and organisation, with "Open", and the landlord view only',
    async (kind) => {
      for (const texts of [nl, en]) {
        const landlord = expectValidAdaptiveCard((await reminderCardFor(deps(), payload(kind, LANDLORD), texts))!);
        expect(text(landlord)).toContain(texts.reminders.titles[kind]);
        expect(text(landlord)).toContain('nomination.open');
        for (const marker of LANDLORD_FORBIDDEN_MARKERS) expect(text(landlord)).not.toContain(marker);
        expectValidAdaptiveCard((await reminderCardFor(deps(), payload(kind, ORGANISATION), texts))!);
      }
      // Whoever may not see the nomination at all: another organisation, a landlord it never went to.
      const strangers = [OTHERS[1]!, { audience: 'landlord' as const, partyId: 'duivenvoorde' }];
      for (const other of strangers) expect(await reminderCardFor(deps(), payload(kind, other), nl)).toBeUndefined();
    },
  );

  it('for the platform: counts only', () => {
    for (const kind of ['noodwoning-quota-used-up', 'duivenvoorde-home-used'] as const) {
      const card = expectValidAdaptiveCard(
        platformReminderCard({ kind, year: 2025, dueDate: '2025-06-16', sendOn: '2025-06-16', used: 2, of: 2 }, nl),
      );
      expect(text(card)).not.toContain('Action.');
    }
  });
});
