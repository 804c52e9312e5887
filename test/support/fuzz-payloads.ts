/**
 * fast-check arbitraries for hostile card-action and message payloads: wrong types, missing
 * fields, unknown verbs, 100 kB strings, control characters, odd unicode, prototype-pollution keys
 * (top level and nested), stale versions, arrays for objects, numbers as strings. A recipe is
 * generated; the payload is built from it at run time on the card data that is valid *now*, so a
 * recipe still means the same thing after earlier runs changed the store (and when shrunk).
 */
import fc from 'fast-check';

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** An own, enumerable property, also for "__proto__" (a plain assignment would set the prototype). */
export function put(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const HUGE = ['x'.repeat(100_000), 'é'.repeat(50_000), '\u0000'.repeat(16_000), '𝕏'.repeat(25_000)];
const ODD_UNICODE = [
  '\uD800', // a lone surrogate
  '\uDFFF',
  '\u202Eevil', // right-to-left override
  '\uFEFF', // byte order mark
  '\u200B\u200D', // zero-width
  '👩‍👩‍👧‍👦',
  'e\u0301', // combining accent
  'Ａｂｃ', // full-width
  '\u2028\u2029',
  'İı',
  '$where',
  '{"$gt":""}',
  '${nominationId}', // a template expression
  '<at>Convenantbot</at>',
];
const NUMBERS_AS_STRINGS = ['0', '1', '2', '-1', '007', ' 3 ', '3.0', '1e2', '0x2', 'NaN', 'Infinity', '9'.repeat(40)];

const controlChars = fc.string({
  unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)),
  maxLength: 20,
});

/** A value of the wrong kind for almost any field. */
export const weirdValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -1, 2 ** 53, -(2 ** 31), 1e308, 1.5),
    fc.string({ unit: 'binary', maxLength: 30 }),
    controlChars,
    fc.constantFrom(...ODD_UNICODE),
    fc.constantFrom(...NUMBERS_AS_STRINGS),
    fc.constantFrom(...HUGE),
    fc.array(tie('value'), { maxLength: 3 }),
    fc
      .tuple(fc.constantFrom(...PROTO_KEYS, 'polluted', 'verb', 'nominationId'), tie('value'))
      .map(([key, value]) => put({}, key, value)),
  ),
})).value;

/** What a fuzz case does to the card's valid data. Field picks are indices, resolved at run time. */
export type Mutation =
  | { kind: 'remove'; field: number }
  | { kind: 'set'; field: number; value: unknown }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'nested-proto'; key: (typeof PROTO_KEYS)[number] }
  | { kind: 'stale-version'; by: number }
  | { kind: 'retarget'; to: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), field: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), field: fc.nat(), value: weirdValue }),
  fc.record({
    kind: fc.constant('extra' as const),
    key: fc.oneof(
      fc.constantFrom(...PROTO_KEYS, 'toString', 'hasOwnProperty', 'valueOf'),
      fc.string({ maxLength: 10 }),
    ),
    value: weirdValue,
  }),
  fc.record({ kind: fc.constant('nested-proto' as const), key: fc.constantFrom(...PROTO_KEYS) }),
  fc.record({
    kind: fc.constant('stale-version' as const),
    by: fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0),
  }),
  fc.record({ kind: fc.constant('retarget' as const), to: fc.nat() }),
);

/** Replaces the whole data: an array, a string, a number, null — where an object belongs. */
export const notAnObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(weirdValue, { maxLength: 3 }),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
);

/** Text someone might type: commands with noise, and everything else. */
export const messageText = (keywords: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom(...keywords), fc.constantFrom('', ' ', '  ', '!', '?', '.', '/', ' x'), fc.boolean())
      .map(([k, noise, upper]) => {
        const text = noise === '/' ? `/${k}` : `${k}${noise}`;
        return upper ? text.toUpperCase() : text;
      }),
    fc.string({ unit: 'binary', maxLength: 50 }),
    controlChars,
    fc.constantFrom(...ODD_UNICODE, ...HUGE, ...PROTO_KEYS, '', '   '),
  );
