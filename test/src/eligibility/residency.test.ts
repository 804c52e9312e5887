import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../../../src/eligibility/evaluate';
import {
  meetsResidencyDuration,
  residencyPeriodProblems,
  uninterruptedStretches,
} from '../../../src/eligibility/residency';
import type { ResidencyPeriod } from '../../../src/nomination/nomination';
import {
  codes,
  context,
  eligibleInput,
  eligibleNoodwoningInput,
  exception,
  limorContext,
  MOTIVATION,
  TODAY,
} from './builders';

// TODAY is 2025-06-15, so the ten-year window starts on 2015-06-15 and six years ago is 2019-06-15.
describe('1c: six years resident, or six uninterrupted years within the last ten', () => {
  const rows: [string, ResidencyPeriod[], boolean, string?][] = [
    ['resident since exactly six years', [{ from: '2019-06-15' }], true],
    ['resident since six years minus a day', [{ from: '2019-06-16' }], false],
    ['resident for decades', [{ from: '1980-01-01' }], true],
    ['a closed period of exactly six years', [{ from: '2016-01-01', to: '2022-01-01' }], true],
    ['a closed period of six years minus a day', [{ from: '2016-01-01', to: '2021-12-31' }], false],
    ['six years that began exactly ten years ago', [{ from: '2015-06-15', to: '2021-06-15' }], true],
    ['six years that began ten years and a day ago', [{ from: '2015-06-14', to: '2021-06-14' }], false],
    ['a long stretch counts only its part inside the window', [{ from: '2000-01-01', to: '2021-06-14' }], false],
    ['a long stretch with six years inside the window', [{ from: '2000-01-01', to: '2021-06-15' }], true],
    ['a stretch ended before the window', [{ from: '2000-01-01', to: '2015-06-14' }], false],
    [
      'a one-day gap breaks "uninterrupted"',
      [
        { from: '2016-01-01', to: '2019-01-01' },
        { from: '2019-01-03', to: '2022-01-03' },
      ],
      false,
    ],
    [
      'adjacent periods, the next starting the day the first ended',
      [
        { from: '2016-01-01', to: '2019-01-01' },
        { from: '2019-01-01', to: '2022-01-01' },
      ],
      true,
    ],
    [
      'adjacent periods, the next starting the day after',
      [
        { from: '2016-01-01', to: '2019-01-01' },
        { from: '2019-01-02', to: '2022-01-01' },
      ],
      true,
    ],
    [
      'adjacent periods in any order',
      [
        { from: '2019-01-02', to: '2022-01-01' },
        { from: '2016-01-01', to: '2019-01-01' },
      ],
      true,
    ],
    [
      'overlapping periods',
      [
        { from: '2016-01-01', to: '2020-01-01' },
        { from: '2018-01-01', to: '2022-01-01' },
      ],
      true,
    ],
    [
      'a period inside another does not shorten it',
      [
        { from: '2016-01-01', to: '2022-01-01' },
        { from: '2017-01-01', to: '2018-01-01' },
      ],
      true,
    ],
    ['adjacent to a current residence', [{ from: '2016-01-01', to: '2020-01-01' }, { from: '2020-01-02' }], true],
    ['no periods at all', [], false],
    // Year arithmetic clamps (src/time/dates.ts): six years from 29 February end on 28 February.
    ['from a leap day: six years on 28 February', [{ from: '2020-02-29' }], true, '2026-02-28'],
    ['from a leap day: one day short', [{ from: '2020-02-29' }], false, '2026-02-27'],
    ['from 1 March after a leap day', [{ from: '2020-03-01' }], false, '2026-02-28'],
    ['today a leap day: six years ago is 28 February', [{ from: '2022-02-28' }], true, '2028-02-29'],
    ['today a leap day: six years minus a day', [{ from: '2022-03-01' }], false, '2028-02-29'],
    ['a closed leap-day period inside the window', [{ from: '2020-02-29', to: '2026-02-28' }], true, '2030-02-28'],
    [
      'today a leap day: the window starts on 28 February',
      [{ from: '2018-02-28', to: '2024-02-28' }],
      true,
      '2028-02-29',
    ],
    ['today a leap day: a day before the window', [{ from: '2018-02-27', to: '2024-02-27' }], false, '2028-02-29'],
  ];
  it.each(rows)('%s', (_name, periods, expected, today = TODAY) => {
    expect(meetsResidencyDuration(periods, today)).toBe(expected);
  });
});

describe('1c: merging periods into uninterrupted stretches', () => {
  it('merges overlapping and adjacent periods and runs an open period to today', () => {
    expect(
      uninterruptedStretches(
        [
          { from: '2021-01-01' },
          { from: '2012-01-01', to: '2013-01-01' },
          { from: '2013-01-02', to: '2014-01-01' },
          { from: '2013-06-01', to: '2015-01-01' },
          { from: '2020-01-01', to: '2020-12-31' },
        ],
        TODAY,
      ),
    ).toEqual([
      { from: '2012-01-01', to: '2015-01-01' },
      { from: '2020-01-01', to: TODAY },
    ]);
  });
});

describe('1c: impossible periods are a blocking reason the counsellor can fix', () => {
  const rows: [string, ResidencyPeriod, string[]][] = [
    ['starts tomorrow', { from: '2025-06-16' }, ['residency-period-in-future']],
    ['ends tomorrow', { from: '2020-01-01', to: '2025-06-16' }, ['residency-period-in-future']],
    ['ends before it starts', { from: '2020-01-02', to: '2020-01-01' }, ['residency-period-ends-before-start']],
    ['one day long', { from: '2020-01-01', to: '2020-01-01' }, []],
    ['ends today', { from: '2020-01-01', to: TODAY }, []],
    ['starts today', { from: TODAY }, []],
  ];
  it.each(rows)('%s', (_name, period, expected) => {
    expect(residencyPeriodProblems([period], TODAY)).toEqual(expected);
  });

  it('blocks the verdict and leaves out the duration reason', () => {
    const verdict = evaluateEligibility(eligibleInput({ residency: [{ from: '2030-01-01' }] }), context());
    expect(verdict.kind).toBe('not-eligible');
    expect(codes(verdict)).toEqual(['residency-period-in-future']);
  });

  it('throws on a string that is not an ISO date: the card validates shapes', () => {
    expect(() => residencyPeriodProblems([{ from: '15-06-2019' }], TODAY)).toThrow(RangeError);
    expect(() => residencyPeriodProblems([{ from: '2019-02-30' }], TODAY)).toThrow(RangeError);
  });
});

describe('1c: maatwerk for shorter residency needs a written motivation', () => {
  const short = [{ from: '2022-01-01' }];
  const rows: [string, Parameters<typeof eligibleInput>[0], string, string[]][] = [
    ['six years: no 1c reason', {}, 'eligible', []],
    [
      'shorter, motivated',
      { residency: short, residencyMaatwerkMotivation: MOTIVATION },
      'eligible-with-maatwerk',
      ['residency-short-with-motivation'],
    ],
    ['shorter, no motivation', { residency: short }, 'not-eligible', ['residency-short-without-motivation']],
    [
      'shorter, a motivation of spaces',
      { residency: short, residencyMaatwerkMotivation: '            ' },
      'not-eligible',
      ['residency-short-without-motivation'],
    ],
    [
      'shorter, a word is no motivation',
      { residency: short, residencyMaatwerkMotivation: '  korter  ' },
      'not-eligible',
      ['residency-short-without-motivation'],
    ],
    [
      '5.6c exception (the 1c route), motivated',
      { residency: short, residencyMaatwerkMotivation: MOTIVATION, checklist: { c: exception() } },
      'eligible-with-maatwerk',
      ['residency-short-with-motivation'],
    ],
    [
      '5.6c exception (the 1c route), not motivated',
      { residency: short, checklist: { c: exception() } },
      'not-eligible',
      ['residency-short-without-motivation'],
    ],
    ['5.6c exception when the dates show six years', { checklist: { c: exception() } }, 'eligible', []],
  ];
  it.each(rows)('%s', (_name, changes, kind, expected) => {
    const verdict = evaluateEligibility(eligibleInput(changes), context());
    expect(verdict.kind).toBe(kind);
    expect(codes(verdict)).toEqual(expected);
  });

  it('does not apply to a noodwoning (1l sets no residency duration)', () => {
    const verdict = evaluateEligibility(eligibleNoodwoningInput({ residency: short }), limorContext());
    expect(verdict.kind).toBe('eligible');
  });
});
