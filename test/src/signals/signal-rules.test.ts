/**
 * Who may send which signal on which tenancy (8.1, 8.2, 10.5), what a signal may carry, and who
 * may acknowledge it — the pure rules, without storage or Teams.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/nomination/actor';
import type { Nomination } from '../../../src/nomination/nomination';
import { cleanNote } from '../../../src/signals/signal-note';
import {
  decideAcknowledge,
  decideSignal,
  sendableKinds,
  signalRoleOf,
  type SignalInput,
} from '../../../src/signals/signal-rules';
import { aNomination } from '../../support/nomination-fixture';

const NOW = new Date('2025-06-16T08:00:00Z');

function tenancy(overrides: Partial<Nomination> = {}, shareable = true): Nomination {
  return aNomination({
    id: 'n-tenancy',
    state: 'lease-signed',
    offer: { landlordId: 'vidomes', madeOn: '2025-04-01', answer: 'accepted', answeredOn: '2025-04-02' },
    lease: {
      landlordId: 'vidomes',
      signedOn: '2025-05-01',
      temporaryUntil: '2027-05-01',
      guidanceAgreementUntil: '2026-05-01',
      guidanceEndMayBeShared: shareable,
    },
    ...overrides,
  });
}

const actor = (role: Actor['role'], partyId: string, contactId = `c-${partyId}`): Actor => ({
  contactId,
  contactName: 'Naam',
  partyId,
  role,
});
const landlord = actor('landlord-contact', 'vidomes');
const counsellor = actor('counsellor', 'parnassia');

const decide = (n: Nomination, who: Actor, input: SignalInput) => decideSignal(n, who, input, { id: 's1', now: NOW });
const codeOf = (n: Nomination, who: Actor, input: SignalInput) => {
  const d = decide(n, who, input);
  return d.ok ? 'ok' : d.error.code;
};

describe('sending a signal', () => {
  it('goes from the landlord to the nominating organisation, and back (8.2)', () => {
    const toCare = decide(tenancy(), landlord, { kind: 'overlast', note: 'Klachten van buren over geluid.' });
    expect(toCare).toEqual({
      ok: true,
      signal: {
        id: 's1',
        nominationId: 'n-tenancy',
        kind: 'overlast',
        from: { side: 'landlord', partyId: 'vidomes', contactId: 'c-vidomes' },
        to: { side: 'care', partyId: 'parnassia' },
        sentAt: NOW.toISOString(),
        note: 'Klachten van buren over geluid.',
      },
    });
    const toLandlord = decide(tenancy(), actor('casemanager', 'parnassia'), { kind: 'overlast' });
    expect(toLandlord.ok && toLandlord.signal.to).toEqual({ side: 'landlord', partyId: 'vidomes' });
  });

  it('keeps rent arrears as amount and date, in euros with two decimals', () => {
    const input = { kind: 'huurachterstand', achterstandBedrag: '812,5', achterstandSinds: '2025-06-01' };
    const decided = decide(tenancy(), landlord, input);
    expect(decided.ok && decided.signal.arrears).toEqual({ achterstandBedrag: 812.5, achterstandSinds: '2025-06-01' });
    // Fields of another kind are not kept.
    const nuisance = decide(tenancy(), landlord, { ...input, kind: 'overlast' });
    expect(nuisance.ok && 'arrears' in nuisance.signal).toBe(false);
  });

  it.each([
    [{ kind: 'huurachterstand', achterstandSinds: '2025-06-01' }, 'arrears-amount-missing'],
    [{ kind: 'huurachterstand', achterstandBedrag: '0', achterstandSinds: '2025-06-01' }, 'arrears-amount-invalid'],
    [{ kind: 'huurachterstand', achterstandBedrag: '-5', achterstandSinds: '2025-06-01' }, 'arrears-amount-invalid'],
    [
      { kind: 'huurachterstand', achterstandBedrag: '12.345', achterstandSinds: '2025-06-01' },
      'arrears-amount-invalid',
    ],
    [{ kind: 'huurachterstand', achterstandBedrag: '1e3', achterstandSinds: '2025-06-01' }, 'arrears-amount-invalid'],
    [{ kind: 'huurachterstand', achterstandBedrag: '100' }, 'arrears-since-missing'],
    [{ kind: 'huurachterstand', achterstandBedrag: '100', achterstandSinds: '2025-06-17' }, 'arrears-since-invalid'],
    [{ kind: 'huurachterstand', achterstandBedrag: '100', achterstandSinds: '2025-02-30' }, 'arrears-since-invalid'],
    [
      { kind: 'huurachterstand', achterstandBedrag: '100', achterstandSinds: '2025-04-30' },
      'arrears-since-before-lease',
    ],
    [{ kind: 'brand' }, 'unknown-kind'],
    [{ kind: 'overlast', note: 'x'.repeat(501) }, 'note-too-long'],
  ])('refuses %j: %s', (input, code) => {
    expect(codeOf(tenancy(), landlord, input)).toBe(code);
  });

  it('cleans the note: control characters out, line breaks to spaces, 500 characters after cleaning', () => {
    expect(cleanNote('  Geluid\r\n na 23 uur\u0007\u202E  ')).toBe('Geluid na 23 uur');
    expect(cleanNote(' \n\t ')).toBeUndefined();
    expect(codeOf(tenancy(), landlord, { kind: 'overlast', note: `${'x'.repeat(500)}\u0000\u0000` })).toBe('ok');
  });

  it('only on a tenancy, by its own landlord or its nominating organisation', () => {
    const input = { kind: 'overlast' };
    expect(codeOf(tenancy({ state: 'credit-checked', lease: undefined }), landlord, input)).toBe('not-a-tenancy');
    expect(codeOf(tenancy({ state: 'lease-indefinite' }), landlord, input)).toBe('ok');
    expect(codeOf(tenancy(), actor('landlord-contact', 'wooninvest'), input)).toBe('not-your-tenancy');
    expect(codeOf(tenancy(), actor('landlord-contact', 'duivenvoorde'), input)).toBe('not-your-tenancy');
    expect(codeOf(tenancy(), actor('counsellor', 'limor'), input)).toBe('not-your-tenancy');
    expect(codeOf(tenancy(), actor('platform-coordinator', 'gemeente-leidschendam-voorburg'), input)).toBe(
      'not-your-tenancy',
    );
  });

  it('end and refusal of guidance: counsellor to landlord, only where the agreement allows, without a note (8.1, 10.5)', () => {
    for (const kind of ['einde-begeleiding', 'weigering-begeleiding']) {
      expect(codeOf(tenancy(), counsellor, { kind })).toBe('ok');
      expect(codeOf(tenancy({}, false), counsellor, { kind })).toBe('guidance-not-shareable');
      expect(codeOf(tenancy(), landlord, { kind })).toBe('kind-not-for-landlord');
      expect(codeOf(tenancy(), counsellor, { kind, note: 'Cliënt stopt met behandeling' })).toBe('note-not-allowed');
    }
    expect(sendableKinds(tenancy(), { side: 'care', partyId: 'parnassia' })).toEqual([
      'overlast',
      'huurachterstand',
      'einde-begeleiding',
      'weigering-begeleiding',
    ]);
    expect(sendableKinds(tenancy({}, false), { side: 'care', partyId: 'parnassia' })).toEqual([
      'overlast',
      'huurachterstand',
    ]);
    expect(sendableKinds(tenancy(), { side: 'landlord', partyId: 'vidomes' })).toEqual(['overlast', 'huurachterstand']);
    expect(sendableKinds(tenancy(), { side: 'landlord', partyId: 'wooninvest' })).toEqual([]);
  });
});

describe('acknowledging a signal', () => {
  const sent = decide(tenancy(), landlord, { kind: 'overlast' });
  if (!sent.ok) throw new Error('fixture');
  const signal = { ...sent.signal, version: 1 };

  it('is for the receiving side only, once; the first acknowledgement stands', () => {
    const later = new Date('2025-06-16T09:00:00Z');
    const decided = decideAcknowledge(signal, actor('counsellor', 'parnassia', 'c-bea'), later);
    expect(decided).toEqual({
      kind: 'change',
      next: { ...signal, acknowledgement: { contactId: 'c-bea', at: later.toISOString() } },
    });
    if (decided.kind !== 'change') throw new Error('expected a change');
    expect(decideAcknowledge(decided.next, actor('counsellor', 'parnassia', 'c-other'), later)).toEqual({
      kind: 'unchanged',
    });
    for (const stranger of [landlord, actor('landlord-contact', 'duivenvoorde'), actor('counsellor', 'limor')]) {
      expect(decideAcknowledge(signal, stranger, later)).toEqual({ kind: 'error', error: { code: 'not-receiver' } });
    }
  });

  it('knows the sender and receiver sides, and nobody else', () => {
    expect(signalRoleOf(signal, { side: 'landlord', partyId: 'vidomes' })).toBe('sender');
    expect(signalRoleOf(signal, { side: 'care', partyId: 'parnassia' })).toBe('receiver');
    expect(signalRoleOf(signal, { side: 'landlord', partyId: 'wooninvest' })).toBeUndefined();
    expect(signalRoleOf(signal, { side: 'care', partyId: 'vidomes' })).toBeUndefined();
  });
});
