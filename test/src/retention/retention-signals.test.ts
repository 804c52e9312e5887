/**
 * Retention and the signals on a tenancy (8.1, 8.2, 10.5): once a nomination's personal data is
 * erased — by the retention period or on request — its signals keep only what the platform's
 * counts read (kind and sentAt, 10.2), each erasure audited. Read back from the whole store, not
 * through the signal port only: a note, an amount or a contact id must be nowhere.
 */
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestFiguresOf } from '../../../src/digest/digest-figures-of';
import type { Nomination } from '../../../src/nomination/nomination';
import { eraseOnRequest } from '../../../src/retention/erase-on-request';
import { erasePersonalData } from '../../../src/retention/erase-personal-data';
import { eraseSignalPersonalData } from '../../../src/retention/erase-signal';
import { RETENTION_ACTOR_ID, runRetention, type RetentionResult } from '../../../src/retention/run-retention';
import type { Signal, SignalKind } from '../../../src/signals/signal';
import type { Store } from '../../../src/storage/ports';
import { aNomination } from '../../support/nomination-fixture';
import { storeFactories } from '../../support/stores';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const clock = () => NOW;
const RETENTION_DAYS = 90; // closed before 2025-12-01T12:00Z is due

/** Mondays of the past weeks the signals were sent in (Europe/Amsterdam). */
const WEEKS = ['2025-06-02', '2025-06-09', '2025-06-16', '2025-06-23'] as const;

type Case = {
  label: string;
  nomination: Nomination | undefined;
  erased: boolean;
};

/** Each row a nomination with three signals on its tenancy; `erased`: what retention must do to them. */
const CASES: readonly Case[] = [
  {
    label: 'a tenancy closed longer ago than the period',
    nomination: tenancy('n-old', { closedAt: '2025-07-01T10:00:00.000Z' }),
    erased: true,
  },
  {
    label: 'a tenancy closed just before the period began',
    nomination: tenancy('n-just-due', { closedAt: '2025-12-01T11:59:59.000Z' }),
    erased: true,
  },
  {
    label: 'a nomination erased before, its signals left behind (a run that died in between)',
    nomination: erasePersonalData(tenancy('n-left', { closedAt: '2025-07-01T10:00:00.000Z' }), NOW),
    erased: true,
  },
  { label: 'signals of a nomination that is gone', nomination: undefined, erased: true },
  {
    label: 'a tenancy closed within the period',
    nomination: tenancy('n-recent', { closedAt: '2025-12-01T12:00:00.000Z' }),
    erased: false,
  },
  {
    label: 'a tenancy still running (temporary lease, not closed)',
    nomination: tenancy('n-running', { state: 'lease-signed' }),
    erased: false,
  },
];

function tenancy(id: string, overrides: Partial<Nomination>): Nomination {
  return aNomination({ id, state: 'lease-indefinite', ...overrides });
}

const nominationIdOf = (c: Case, index: number) => c.nomination?.id ?? `n-gone-${index}`;

/** Every string a signal carries that says something about a person: each unique to its signal. */
function markersOf(signal: Omit<Signal, 'version'>): string[] {
  return [
    ...(signal.note ? [signal.note] : []),
    ...(signal.arrears ? [String(signal.arrears.achterstandBedrag), signal.arrears.achterstandSinds] : []),
    signal.from.contactId,
    ...(signal.acknowledgement ? [signal.acknowledgement.contactId] : []),
  ];
}

let serial = 0;
function signalsOf(nominationId: string): Omit<Signal, 'version'>[] {
  const make = (kind: SignalKind, extra: (tag: string) => Partial<Signal>): Omit<Signal, 'version'> => {
    serial += 1;
    const tag = String(serial).padStart(3, '0');
    const [from, to] =
      kind === 'overlast' || kind === 'huurachterstand'
        ? [
            { side: 'landlord' as const, partyId: 'vidomes' },
            { side: 'care' as const, partyId: 'parnassia' },
          ]
        : [
            { side: 'care' as const, partyId: 'parnassia' },
            { side: 'landlord' as const, partyId: 'vidomes' },
          ];
    const monday = WEEKS[serial % WEEKS.length]!;
    return {
      id: `sig-${nominationId}-${kind}`,
      nominationId,
      kind,
      from: { ...from, contactId: `c-SENDER-MARKER-${tag}` },
      to,
      sentAt: `${monday.slice(0, 8)}${String(Number(monday.slice(8)) + 2).padStart(2, '0')}T10:00:00.000Z`, // Wednesday
      ...extra(tag),
    };
  };
  return [
    make('overlast', (tag) => ({
      note: `NOTE-MARKER-${nominationId} geluidsoverlast ’s nachts, buren klagen`,
      acknowledgement: { contactId: `c-ACK-MARKER-${tag}`, at: '2025-06-20T08:00:00.000Z' },
    })),
    make('huurachterstand', (tag) => ({
      arrears: { achterstandBedrag: 4000 + serial + 0.37, achterstandSinds: `2024-11-${tag.slice(1)}` },
      note: `NOTE-MARKER-${nominationId} twee maanden niet betaald`,
    })),
    make('einde-begeleiding', (tag) => ({
      acknowledgement: { contactId: `c-ACK-MARKER-${tag}`, at: '2025-06-27T08:00:00.000Z' },
    })),
  ];
}

/**
 * Everything the store holds, as text: every document of every collection on MongoDB, every
 * value reachable from the adapter objects in memory.
 */
async function everythingStored(store: Store): Promise<string> {
  const db = (store.signals as unknown as { context?: { db?: Db } }).context?.db;
  if (db) {
    const parts: unknown[] = [];
    for (const { name } of await db.listCollections().toArray()) {
      parts.push(name, await db.collection(name).find({}).toArray());
    }
    return JSON.stringify(parts);
  }
  const seen = new Set<unknown>();
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') parts.push(String(value));
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map) {
      for (const [k, v] of value) {
        walk(k);
        walk(v);
      }
    } else if (value instanceof Set || Array.isArray(value)) for (const v of value) walk(v);
    else for (const v of Object.values(value)) walk(v);
  };
  walk(store);
  const text = parts.join('\n');
  expect(text, 'the walk reaches the stored signals').toContain('NOTE-MARKER-n-running');
  return text;
}

/** The digest's signal counts of each past week, read as the weekly digest reads them (previous week). */
async function pastWeekCounts(store: Store): Promise<unknown[]> {
  const counts: unknown[] = [];
  for (const monday of WEEKS) {
    // The Tuesday after the week: the digest's "previous week" is that whole week.
    const tuesday = new Date(`${monday}T12:00:00.000Z`);
    tuesday.setUTCDate(tuesday.getUTCDate() + 8);
    const figures = await digestFiguresOf(store, () => tuesday, { signals: store.signals });
    counts.push(figures.signals.previousWeek);
  }
  return counts;
}

describe('eraseSignalPersonalData', () => {
  it('picks what stays: a field added to Signal later is erased without being listed', () => {
    const [signal] = signalsOf('n-pure').slice(1);
    const later = { ...signal!, version: 4, laterField: 'LATER-MARKER', from: { ...signal!.from, laterToo: 'X' } };
    const erased = eraseSignalPersonalData(later as Signal, NOW);
    expect(JSON.stringify(erased)).not.toMatch(/LATER-MARKER|laterToo|NOTE-MARKER|c-SENDER-MARKER|4\d{3}\.37/);
    expect(erased).toEqual({
      id: signal!.id,
      version: 4,
      nominationId: 'n-pure',
      kind: 'huurachterstand',
      from: { side: 'landlord', partyId: 'vidomes', contactId: '' },
      to: { side: 'care', partyId: 'parnassia' },
      sentAt: signal!.sentAt,
      erasedAt: NOW.toISOString(),
    });
    // Erased again later: the first erasure's time stays.
    expect(eraseSignalPersonalData(erased, new Date('2027-01-01T00:00:00.000Z')).erasedAt).toBe(NOW.toISOString());
  });
});

describe.each(storeFactories)('retention of signals in the $name store', ({ create }) => {
  let store: Store;
  const inserted = new Map<string, Omit<Signal, 'version'>[]>();
  let countsBefore: unknown[];
  let result: RetentionResult;

  beforeAll(async () => {
    store = await create();
    for (const [index, c] of CASES.entries()) {
      if (c.nomination) {
        const { version: _version, ...n } = c.nomination;
        await store.nominations.insert(n);
      }
      const signals = signalsOf(nominationIdOf(c, index));
      for (const signal of signals) await store.signals.insert(signal);
      inserted.set(c.label, signals);
    }
    countsBefore = await pastWeekCounts(store);
    result = await runRetention(store, { retentionDays: RETENTION_DAYS, clock });
  });
  afterAll(async () => {
    await store.close();
  });

  it('counted something in every past week before (the check below is not vacuous)', () => {
    for (const week of countsBefore) {
      expect(week).toMatchObject({ counted: true });
      const byType = (week as { byType: Record<string, number> }).byType;
      expect(Object.values(byType).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    }
  });

  it.each(CASES.map((c, index) => ({ ...c, index })))('$label: erased $erased', async (c) => {
    for (const before of inserted.get(c.label)!) {
      const stored = await store.signals.get(before.id);
      if (!c.erased) {
        expect(stored).toEqual({ ...before, version: 1 });
        expect(await store.audit.listForObject(before.id)).toEqual([]);
        continue;
      }
      expect(stored).toEqual({
        id: before.id,
        version: 2,
        nominationId: before.nominationId,
        kind: before.kind,
        from: { side: before.from.side, partyId: before.from.partyId, contactId: '' },
        to: before.to,
        sentAt: before.sentAt,
        ...(before.acknowledgement && { acknowledgement: { contactId: '', at: before.acknowledgement.at } }),
        erasedAt: NOW.toISOString(),
      });
      expect(await store.audit.listForObject(before.id)).toEqual([
        {
          id: `retention:signal:${before.id}`,
          at: NOW.toISOString(),
          action: 'signal.erase:retention',
          object: { type: 'signal', id: before.id },
          result: 'success',
          origin: 'retention',
          actorId: RETENTION_ACTOR_ID,
        },
      ]);
    }
    expect(result.erasedSignalIds.filter((id) => id.startsWith(`sig-${nominationIdOf(c, c.index)}-`))).toHaveLength(
      c.erased ? 3 : 0,
    );
  });

  it('leaves nothing of an erased signal’s note, amount, date or contacts anywhere in the store', async () => {
    const everything = await everythingStored(store);
    const erasedMarkers = CASES.filter((c) => c.erased).flatMap((c) => inserted.get(c.label)!.flatMap(markersOf));
    const keptMarkers = CASES.filter((c) => !c.erased).flatMap((c) => inserted.get(c.label)!.flatMap(markersOf));
    expect(erasedMarkers.length).toBeGreaterThan(20);
    for (const marker of erasedMarkers) expect(everything).not.toContain(marker);
    for (const marker of keptMarkers) expect(everything).toContain(marker);
    expect(everything).not.toContain('NOTE-MARKER-n-old');
  });

  it('keeps the digest’s signal counts of every past week as they were', async () => {
    expect(await pastWeekCounts(store)).toEqual(countsBefore);
  });

  it('erases the nomination as before, and reports the signals apart', () => {
    expect(result.erasedIds.sort()).toEqual(['n-just-due', 'n-old']);
    expect(result.skippedIds).toEqual([]);
    expect(result.erasedSignalIds).toHaveLength(4 * 3);
    expect(result.skippedSignalIds).toEqual([]);
  });

  it('is idempotent: a second run erases nothing and writes no audit record', async () => {
    const again = await runRetention(store, { retentionDays: RETENTION_DAYS, clock });
    expect(again).toEqual({ erasedIds: [], skippedIds: [], erasedSignalIds: [], skippedSignalIds: [] });
    expect((await store.signals.get('sig-n-old-overlast'))?.version).toBe(2);
    expect(await store.audit.listForObject('sig-n-old-overlast')).toHaveLength(1);
  });

  it('erases a signal acknowledged while it is being erased, on the next try', async () => {
    await store.nominations.insert(erasePersonalData(tenancy('n-race', { closedAt: '2025-01-01T00:00:00.000Z' }), NOW));
    const [signal] = signalsOf('n-race').slice(1); // huurachterstand, not acknowledged
    await store.signals.insert(signal!);
    let raced = false;
    const racing: Store = {
      ...store,
      signals: {
        ...store.signals,
        get: (id) => store.signals.get(id),
        listForNomination: (id) => store.signals.listForNomination(id),
        nominationIdsWithUnerasedSignals: () => store.signals.nominationIdsWithUnerasedSignals(),
        countByType: (from, before) => store.signals.countByType(from, before),
        insert: (s) => store.signals.insert(s),
        replace: async (next, expected) => {
          if (!raced) {
            raced = true; // the receiver confirms receipt first
            const current = (await store.signals.get(next.id))!;
            await store.signals.replace(
              { ...current, acknowledgement: { contactId: 'c-ACK-RACE-MARKER', at: NOW.toISOString() } },
              expected,
            );
          }
          return store.signals.replace(next, expected);
        },
      },
    };
    const raceResult = await runRetention(racing, { retentionDays: RETENTION_DAYS, clock });
    expect(raceResult.erasedSignalIds).toEqual([signal!.id]);
    const stored = await store.signals.get(signal!.id);
    expect(stored).toMatchObject({ version: 3, acknowledgement: { contactId: '', at: NOW.toISOString() } });
    expect(stored).not.toHaveProperty('note');
    expect(stored).not.toHaveProperty('arrears');
    const everything = await everythingStored(store);
    for (const marker of [...markersOf(signal!), 'c-ACK-RACE-MARKER']) expect(everything).not.toContain(marker);
  });

  it('erases the signals with the nomination on request, audited as the request', async () => {
    await store.parties.insert({
      id: 'parnassia',
      name: 'Parnassia',
      kind: 'zorgorganisatie',
      joinedOn: '2025-01-14',
      contacts: [{ id: 'c-parnassia-counsellor', name: 'Begeleider', email: 'b@p.example', role: 'counsellor' }],
    });
    const { version: _version, ...running } = tenancy('n-request', { state: 'lease-signed' });
    await store.nominations.insert(running);
    const signals = signalsOf('n-request');
    for (const signal of signals) await store.signals.insert(signal);
    const countsBeforeRequest = await pastWeekCounts(store);

    const actor = { contactId: 'c-parnassia-counsellor' };
    expect((await eraseOnRequest(store, 'n-request', actor, { clock })).outcome).toBe('erased');
    expect((await eraseOnRequest(store, 'n-request', actor, { clock })).outcome).toBe('erased');

    const everything = await everythingStored(store);
    for (const marker of signals.flatMap(markersOf)) expect(everything).not.toContain(marker);
    for (const signal of signals) {
      expect(await store.signals.get(signal.id)).toMatchObject({ version: 2, erasedAt: NOW.toISOString() });
      expect(await store.audit.listForObject(signal.id)).toEqual([
        expect.objectContaining({
          id: `erase-request:signal:${signal.id}`,
          action: 'signal.erase:request',
          result: 'success',
          actorId: 'c-parnassia-counsellor',
        }),
      ]);
    }
    expect(await pastWeekCounts(store)).toEqual(countsBeforeRequest);
    expect(await runRetention(store, { retentionDays: RETENTION_DAYS, clock })).toMatchObject({
      erasedSignalIds: [],
    });
  });
});
