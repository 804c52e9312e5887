import { describe, expect, it } from 'vitest';
import { evictionAnswer, evictionCounts } from '../../../src/eligibility/eviction';
import { TODAY } from './builders';

// TODAY is 2025-06-15: three years ago is 2022-06-15.
describe('5.6k: only evictions within the last three years count', () => {
  const rows: [string, string | undefined, boolean, string?][] = [
    ['never evicted', undefined, false],
    ['evicted today', TODAY, true],
    ['evicted exactly three years ago', '2022-06-15', true],
    ['evicted three years minus a day ago', '2022-06-16', true],
    ['evicted three years and a day ago', '2022-06-14', false],
    ['evicted long ago', '2010-01-01', false],
    ['leap day eviction, three years later on 28 February', '2024-02-29', true, '2027-02-28'],
    ['exactly three years before 28 February', '2024-02-28', true, '2027-02-28'],
    ['a day before that', '2024-02-27', false, '2027-02-28'],
    ['today a leap day: three years ago is 28 February', '2025-02-28', true, '2028-02-29'],
    ['today a leap day: a day before that', '2025-02-27', false, '2028-02-29'],
  ];
  it.each(rows)('%s', (_name, evictedOn, expected, today = TODAY) => {
    expect(evictionCounts(evictedOn, today)).toBe(expected);
  });

  it('throws on an eviction date after today, or a malformed one', () => {
    expect(() => evictionCounts('2025-06-16', TODAY)).toThrow(RangeError);
    expect(() => evictionCounts('16-06-2022', TODAY)).toThrow(RangeError);
  });
});

describe('5.6k: the answer the card derives from an eviction date it does not store', () => {
  const rows: [string, string | undefined, boolean, string][] = [
    ['never evicted', undefined, false, 'met'],
    ['evicted long ago', '2020-01-01', false, 'met'],
    ['evicted recently', '2024-01-01', false, 'not-met'],
    ['evicted recently, comes from a noodwoning', '2024-01-01', true, 'exception'],
    ['evicted long ago, comes from a noodwoning', '2020-01-01', true, 'met'],
  ];
  it.each(rows)('%s', (_name, evictedOn, fromNoodwoning, status) => {
    expect(evictionAnswer(evictedOn, fromNoodwoning, TODAY)).toEqual({ status });
  });
});
