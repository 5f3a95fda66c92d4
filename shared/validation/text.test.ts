import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLANK_CHARACTERS, blankText } from '../../test/support/hostile-values';
import { isBlank, optionalText, storableText } from './text';

describe('storable text', () => {
  it('refuses blank text of any shape as a required value', () => {
    fc.assert(
      fc.property(blankText(), (blank) => {
        expect(isBlank(blank)).toBe(true);
        expect(storableText(64).safeParse(blank).success).toBe(false);
      }),
    );
  });

  it('treats blank text as absent for an optional value', () => {
    fc.assert(
      fc.property(blankText(), (blank) => {
        expect(optionalText(64).safeParse(blank)).toEqual({ success: true, data: undefined });
      }),
    );
  });

  it('trims what it keeps, and measures the length after trimming', () => {
    const trimmable = BLANK_CHARACTERS.filter((c) => c.trim() === '');
    const pad = fc.array(fc.constantFrom(...trimmable), { maxLength: 5 }).map((c) => c.join(''));
    fc.assert(
      fc.property(
        pad,
        fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9 ]{0,8}[A-Za-z0-9])?$/),
        pad,
        (before, text, after) => {
          expect(storableText(10).safeParse(`${before}${text}${after}`)).toEqual({
            success: true,
            data: text,
          });
        },
      ),
    );
    expect(storableText(3).safeParse('  abcd  ').success).toBe(false);
    expect(optionalText(3).safeParse(' ab ')).toEqual({ success: true, data: 'ab' });
  });

  it('refuses NUL and broken surrogates, keeps whole emoji and non-Latin text', () => {
    expect(storableText(20).safeParse('a\u0000b').success).toBe(false);
    expect(storableText(20).safeParse('a\ud800b').success).toBe(false);
    expect(storableText(20).safeParse('a\udc00').success).toBe(false);
    expect(optionalText(20).safeParse('a\u0000').success).toBe(false);
    expect(storableText(20).safeParse('Ελένη 👩‍🔧').success).toBe(true);
  });
});
