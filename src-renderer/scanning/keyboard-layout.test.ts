import { describe, expect, it } from 'vitest';
import { detectLayoutMismatch, repairQwertyOnAzerty, type AzertyLayout } from './keyboard-layout';

/** What a US-QWERTY scanner types on an AZERTY station: the repair table read backwards. */
function typedOnAzerty(meant: string, layout: AzertyLayout): string {
  const printable = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join(
    '',
  );
  const candidates = [...printable, ...'éèçà§ù°£²µ'];
  return [...meant]
    .map((char) => candidates.find((typed) => repairQwertyOnAzerty(typed, layout) === char) ?? char)
    .join('');
}

describe('typedOnAzerty (test helper)', () => {
  it('reproduces the digit rows of both layouts', () => {
    expect(typedOnAzerty('1234567890', 'azerty-be')).toBe('&é"\'(§è!çà');
    expect(typedOnAzerty('1234567890', 'azerty-fr')).toBe('&é"\'(-è_çà');
  });
});

describe('detectLayoutMismatch', () => {
  it.each([
    ['4006381333931', 'azerty-be'],
    ['4006381333931', 'azerty-fr'],
    ['09501101530003', 'azerty-fr'], // no 6 or 8: the layouts look alike
    ['B:NL1-A-01-03', 'azerty-be'],
    ['CMD:NEXT-CARTON', 'azerty-fr'],
    ['U:OP-0007', 'azerty-fr'],
  ] as const)(
    'suspects %s scanned as US-QWERTY on %s and shows what it would have been',
    (meant, layout) => {
      const typed = typedOnAzerty(meant, layout);
      expect(typed).not.toBe(meant);
      const found = detectLayoutMismatch(typed);
      expect(found.suspect).toBe(true);
      expect(found.repaired).toBe(meant);
      if (found.layout !== undefined) expect(found.layout).toBe(layout);
    },
  );

  it('names the layout when the scan shows it (6 and 8 differ between BE and FR)', () => {
    const onBelgian = `'àà§"!&"""ç"&`;
    const onFrench = `'àà-"_&"""ç"&`;
    expect(typedOnAzerty('4006381333931', 'azerty-be')).toBe(onBelgian);
    expect(typedOnAzerty('4006381333931', 'azerty-fr')).toBe(onFrench);
    expect(detectLayoutMismatch(onBelgian)).toMatchObject({
      layout: 'azerty-be',
      repaired: '4006381333931',
    });
    expect(detectLayoutMismatch(onFrench)).toMatchObject({
      layout: 'azerty-fr',
      repaired: '4006381333931',
    });
  });

  it('names no layout when the scan reads the same under both', () => {
    expect(detectLayoutMismatch(typedOnAzerty('B:NL1-A-01-03', 'azerty-fr'))).toEqual({
      suspect: true,
      repaired: 'B:NL1-A-01-03',
    });
  });

  it('suspects a scan with characters only AZERTY types even if its repair is no known code', () => {
    expect(detectLayoutMismatch('&é"\'(')).toMatchObject({ suspect: true, repaired: '12345' });
  });

  it.each([
    '4006381333931',
    'B:NL1-A-01-03',
    ']C10109501101530003',
    'hello',
    'QWERTY',
    'CMD:DONE',
    '',
  ])('does not suspect %j', (raw) => {
    expect(detectLayoutMismatch(raw)).toEqual({ suspect: false });
  });

  it('repairs lowercase letters too, as typed with Caps Lock on', () => {
    expect(repairQwertyOnAzerty('bMnl&)q)à&)à"', 'azerty-fr')).toBe('b:nl1-a-01-03');
  });
});
