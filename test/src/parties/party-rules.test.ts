import { describe, expect, it } from 'vitest';
import {
  earliestLeaveDate,
  isActive,
  normalizeContactName,
  normalizeEmail,
  roleFitsKind,
  sameEmail,
} from '../../../src/parties/party-rules';
import { KIND_ROLE_TABLE } from './kind-role-table';

describe('roleFitsKind', () => {
  it.each(KIND_ROLE_TABLE)('$kind × $role → $allowed', ({ kind, role, allowed }) => {
    expect(roleFitsKind(kind, role)).toBe(allowed);
  });
});

describe('earliestLeaveDate (12.2: at least six months)', () => {
  it.each([
    ['2025-03-01', '2025-09-01'],
    ['2025-08-31', '2026-02-28'], // month-end clamping
    ['2027-08-31', '2028-02-29'], // leap year
    ['2025-08-30', '2026-02-28'],
    ['2025-12-31', '2026-06-30'],
    ['2025-07-15', '2026-01-15'], // across the year end
  ])('notice on %s → %s', (notice, earliest) => {
    expect(earliestLeaveDate(notice)).toBe(earliest);
  });
});

describe('isActive', () => {
  const party = { joinedOn: '2025-01-14', leavesOn: '2026-03-01' };
  it.each([
    ['before joining', '2025-01-13', false],
    ['on the day of joining', '2025-01-14', true],
    ['the day before leavesOn', '2026-02-28', true],
    ['on leavesOn', '2026-03-01', false],
    ['after leavesOn', '2026-03-02', false],
  ])('%s (%s) → %s', (_label, today, active) => {
    expect(isActive(party, today)).toBe(active);
  });

  it('is active indefinitely without notice', () => {
    expect(isActive({ joinedOn: '2025-01-14' }, '2099-12-31')).toBe(true);
  });
});

describe('contact fields', () => {
  it.each([
    ['  Bea   Begeleider ', 'Bea Begeleider'],
    ['', undefined],
    ['   ', undefined],
    ['x'.repeat(201), undefined],
    ['Bea\u0000', undefined],
  ])('name %j → %j', (input, expected) => {
    expect(normalizeContactName(input)).toBe(expected);
  });

  it.each([
    [' bea@example.org ', 'bea@example.org'],
    ['Bea.Begeleider@Sub.Example.org', 'Bea.Begeleider@Sub.Example.org'],
    ['bea@example', undefined],
    ['bea example.org', undefined],
    ['bea@@example.org', undefined],
    ['bea@example..org', undefined],
    ['@example.org', undefined],
    ['bea @example.org', undefined],
    [`${'a'.repeat(250)}@x.org`, undefined],
  ])('e-mail %j → %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it('compares e-mail addresses case-insensitively', () => {
    expect(sameEmail('Bea@Example.org', 'bea@example.ORG')).toBe(true);
    expect(sameEmail('bea@example.org', 'bee@example.org')).toBe(false);
  });
});
