import { describe, expect, it } from 'vitest';
import { GS, parseBracketedElementString, parseElementString } from './gs1-element-string';

const year = 2026;
const read = (data: string) => parseElementString(data, year);
const readBracketed = (text: string) => parseBracketedElementString(text, year);
/** The AI/value pairs of a successful parse, or the error code of a failed one. */
const pairs = (parsed: ReturnType<typeof read>) =>
  parsed.ok ? parsed.elements.map((element) => [element.ai, element.value]) : parsed.code;

describe('GS1 element strings, General Specifications examples', () => {
  it('reads GTIN, expiry and lot from "(01)09501101530003(17)140704(10)AB-123" in both notations', () => {
    const bracketed = readBracketed('(01)09501101530003(17)140704(10)AB-123');
    const transmitted = read('0109501101530003' + '17140704' + '10AB-123');
    expect(pairs(bracketed)).toEqual([
      ['01', '09501101530003'],
      ['17', '140704'],
      ['10', 'AB-123'],
    ]);
    expect(transmitted).toEqual(bracketed);
    expect(bracketed.ok && bracketed.elements[1]?.date).toBe('2014-07-04');
  });

  it('reads the SSCC of "(00) 3 7610425 002123456 9", ignoring the spaces of the printed form', () => {
    expect(pairs(readBracketed('(00) 3 7610425 002123456 9'))).toEqual([
      ['00', '376104250021234569'],
    ]);
  });

  it('places the decimal point of a net weight from the fourth AI digit, without float rounding', () => {
    const parsed = read('0195012345678903' + '3103000123');
    expect(parsed.ok && parsed.elements[1]).toEqual({
      ai: '3103',
      label: 'NET WEIGHT (kg)',
      value: '000123',
      decimal: '0.123',
      unit: 'kg',
    });
    const pounds = read('3201001250');
    expect(pounds.ok && pounds.elements[0]).toMatchObject({ decimal: '125.0', unit: 'lb' });
  });

  it('ends a variable-length lot at GS and reads the fixed-length date after it', () => {
    const parsed = read('010506091751001110628S93R' + GS + '17241000218898847482518646');
    expect(pairs(parsed)).toEqual([
      ['01', '05060917510011'],
      ['10', '628S93R'],
      ['17', '241000'],
      ['21', '8898847482518646'],
    ]);
    expect(parsed.ok && parsed.elements[2]?.date).toBe('2024-10-31');
  });

  it('tolerates a GS after a fixed-length element and a trailing GS', () => {
    expect(pairs(read('0109521234543213' + GS + '10LOT7' + GS))).toEqual([
      ['01', '09521234543213'],
      ['10', 'LOT7'],
    ]);
  });

  it('reads logistics AIs: count, order number, ship-to GLN and postal code with country', () => {
    const parsed = read(
      '0209521234543213' + '3712' + GS + '400PO-4711' + GS + '4105412345678908' + '4215281234AB',
    );
    expect(pairs(parsed)).toEqual([
      ['02', '09521234543213'],
      ['37', '12'],
      ['400', 'PO-4711'],
      ['410', '5412345678908'],
      ['421', '5281234AB'],
    ]);
    expect(parsed.ok && parsed.elements[4]?.countryCode).toBe('528');
  });
});

describe('GS1 element strings that must be refused', () => {
  it.each([
    ['a GTIN with a wrong check digit', '0109521234543214', 'bad-check-digit'],
    ['an SSCC with a wrong check digit', '00376104250021234568', 'bad-check-digit'],
    ['a ship-to GLN with a wrong check digit', '4105412345678909', 'bad-check-digit'],
    ['an AI we do not know', '0109521234543213' + '23ABC', 'unknown-ai'],
    ['a GTIN cut short', '01095212345', 'truncated'],
    ['a GTIN cut short by a GS', '010952123' + GS + '10ABC', 'truncated'],
    ['a lot longer than 20 characters', '10' + 'A'.repeat(21), 'value-too-long'],
    ['an empty lot', '10' + GS + '21X', 'empty-value'],
    ['a lot with a character outside set 82', '10AB#1', 'invalid-characters'],
    ['a count with letters', '3712A', 'invalid-characters'],
    ['an expiry in month 13', '17251315', 'invalid-date'],
    ['a weight with decimal position 6', '3106000123', 'invalid-decimal-position'],
    ['a postal code without its country', '421AB12', 'invalid-characters'],
    ['the same AI twice with different data', '10A' + GS + '10B', 'conflicting-ai'],
  ])('refuses %s', (_why, data, code) => {
    expect(read(data)).toMatchObject({ ok: false, code });
  });

  it.each([
    ['text before the first bracket', 'x(01)09521234543213', 'malformed-brackets'],
    ['an AI we do not know', '(23)ABC', 'unknown-ai'],
    ['a measure AI without its decimal digit', '(310)000123', 'unknown-ai'],
    ['a GTIN too short', '(01)0952123454321', 'truncated'],
    ['a GTIN too long', '(01)095212345432130', 'value-too-long'],
  ])('refuses bracketed data with %s', (_why, text, code) => {
    expect(readBracketed(text)).toMatchObject({ ok: false, code });
  });

  it('names the AI and the expected digit in the message', () => {
    expect(read('0109521234543214')).toMatchObject({
      message: 'GTIN 09521234543214 has check digit 4, expected 3',
    });
    expect(read('17251315')).toMatchObject({
      message: 'AI (17) USE BY OR EXPIRY: month 13 does not exist',
    });
  });
});
