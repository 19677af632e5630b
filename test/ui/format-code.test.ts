import { describe, expect, it } from 'vitest';
import { groupCode, maskCode } from '../../src/ui/format-code';

describe('groupCode', () => {
  it.each([
    ['123456', '123 456'],
    ['12345678', '1234 5678'],
    ['1234567', '123 4567'],
    ['1234567890', '12345 67890'],
    ['12345', '12345'],
    ['', ''],
  ])('groups %s as "%s"', (code, expected) => {
    expect(groupCode(code)).toBe(expected);
  });
});

describe('maskCode', () => {
  it('has the shape of a 6-digit and an 8-digit code', () => {
    expect(maskCode(6)).toBe('••• •••');
    expect(maskCode(8)).toBe('•••• ••••');
  });
});
