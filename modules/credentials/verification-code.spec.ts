import { CODE_LENGTH, newCode, normalizeCode } from './verification-code';

describe('verification codes', () => {
  it('are seven groups of four Crockford characters', () => {
    expect(newCode()).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('carry at least 128 random bits', () => {
    expect(CODE_LENGTH * Math.log2(32)).toBeGreaterThanOrEqual(128);
    const codes = new Set(Array.from({ length: 2000 }, () => newCode()));
    expect(codes.size).toBe(2000);
  });

  it('use every character of the alphabet evenly enough', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 500; i++) for (const c of newCode().replace(/-/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (500 * CODE_LENGTH) / 32;
    for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.35);
  });

  it('normalize what a person typed: case, spaces, hyphens and look-alike letters', () => {
    const code = '7K3M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV';
    expect(normalizeCode(code)).toBe(code);
    expect(normalizeCode(' 7k3m q9xd oaib cdef ghjk mnpq rstv ')).toBe(code);
    expect(normalizeCode('7K3MQ9XD0AlBCDEFGHJKMNPQRSTV')).toBe(code);
  });

  it.each([
    ['too short', '7K3M-Q9XD'],
    ['too long', '7K3M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV-W'],
    ['a letter outside the alphabet', '7K3M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTU'],
    ['punctuation', '7K3M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RST!'],
    ['nothing', ''],
  ])('reject %s', (_label, input) => {
    expect(normalizeCode(input)).toBeUndefined();
  });
});
