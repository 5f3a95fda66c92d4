import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidGs1CheckDigit } from '../gs1/check-digit';
import { classifyScan, scannedGtin } from './classify-scan';
import { stationCode } from './station-codes';
import type { StationCodeKind } from './scan-result';

const GS = '\x1d';
const classify = (raw: string) => classifyScan(raw, { referenceYear: 2026 });

/** GS1 General Specifications example: GTIN, expiry, lot (variable, so GS before the serial). */
const exampleElements = [
  { ai: '01', label: 'GTIN', value: '09501101530003' },
  { ai: '17', label: 'USE BY OR EXPIRY', value: '140704', date: '2014-07-04' },
  { ai: '10', label: 'BATCH/LOT', value: 'AB-123' },
  { ai: '21', label: 'SERIAL', value: 'S1' },
];
const exampleData = (separator: string) => `01095011015300031714070410AB-123${separator}21S1`;

describe('classifyScan: product and logistic codes', () => {
  it.each([
    ['96385074', 'ean-8', '00000096385074'],
    ['036000291452', 'upc-a', '00036000291452'],
    ['6291041500213', 'ean-13', '06291041500213'],
    ['09521234543213', 'gtin-14', '09521234543213'],
    [']E06291041500213', 'ean-13', '06291041500213'],
    [']E496385074', 'ean-8', '00000096385074'],
    [']I109521234543213', 'gtin-14', '09521234543213'],
    ['6291041500213\r\n', 'ean-13', '06291041500213'],
  ])('reads %j as a %s GTIN', (raw, symbology, gtin14) => {
    expect(classify(raw)).toEqual({ kind: 'gtin', symbology, gtin14 });
  });

  it.each([
    '376104250021234569',
    '00376104250021234569',
    ']C100376104250021234569',
    '(00)376104250021234569',
  ])('reads %j as the SSCC of a carton label', (raw) => {
    expect(classify(raw)).toEqual({ kind: 'sscc', sscc: '376104250021234569' });
  });

  it.each([
    ['GS1-128 with GS', `]C1${exampleData(GS)}`, 'gs1-128'],
    ['GS1 DataMatrix', `]d2${exampleData(GS)}`, 'gs1-datamatrix'],
    ['GS1 QR Code', `]Q3${exampleData(GS)}`, 'gs1-qr'],
    ['GS1 DataBar', `]e0${exampleData(GS)}`, 'gs1-databar'],
    ['leading FNC1 as GS, no identifier', `${GS}${exampleData(GS)}`, 'unknown'],
    ['no identifier, opening with AI 01', exampleData(GS), 'unknown'],
    ['human-readable brackets', '(01)09501101530003(17)140704(10)AB-123(21)S1', 'unknown'],
    ['brackets after an identifier', ']C1(01)09501101530003(17)140704(10)AB-123(21)S1', 'gs1-128'],
    ['GS copied as the symbol ␝', `]d2${exampleData('\u241d')}`, 'gs1-datamatrix'],
    ['Caps Lock inverting the identifier', `]c1${exampleData(GS)}`, 'gs1-128'],
  ])('reads the same elements from %s', (_form, raw, symbology) => {
    expect(classify(raw)).toEqual({
      kind: 'gs1',
      symbology,
      elements: exampleElements,
      gtin: '09501101530003',
      lot: 'AB-123',
      serial: 'S1',
      expiry: '2014-07-04',
    });
  });

  it('reads GS as a printable stand-in when the scanner is set up that way', () => {
    const scan = classifyScan(`]C1${exampleData('~')}`, {
      referenceYear: 2026,
      fnc1Substitutes: ['~'],
    });
    expect(scan).toMatchObject({ kind: 'gs1', lot: 'AB-123', serial: 'S1' });
  });

  it('lifts out the SSCC, count, best-before and net weight of a pallet label', () => {
    const scan = classify(`]C1003761042500212345690209521234543213153012313712${GS}3102001250`);
    expect(scan).toMatchObject({
      kind: 'gs1',
      sscc: '376104250021234569',
      bestBefore: '2030-12-31',
      count: 12,
      netWeight: { decimal: '12.50', unit: 'kg' },
    });
    expect(scannedGtin(scan)).toBeUndefined();
  });

  it('gives the GTIN an item is identified by, from a plain or a GS1 code', () => {
    expect(scannedGtin(classify('6291041500213'))).toBe('06291041500213');
    expect(scannedGtin(classify(`]d2${exampleData(GS)}`))).toBe('09501101530003');
    expect(scannedGtin(classify('B:NL1-A-01-03'))).toBeUndefined();
  });
});

describe('classifyScan: station codes', () => {
  it.each([
    ['B:NL1-A-01-03', { kind: 'bin', code: 'NL1-A-01-03' }],
    ['t:tote-7', { kind: 'tote', code: 'TOTE-7' }],
    ['CMD:DONE\r', { kind: 'command', command: 'DONE' }],
    [']C0BOX:M-40X30X20', { kind: 'box', code: 'M-40X30X20' }],
  ])('reads %j', (raw, expected) => {
    expect(classify(raw)).toEqual(expected);
  });

  it('reads back every station code it can encode', () => {
    const kinds: StationCodeKind[] = ['bin', 'tote', 'fulfillment', 'operator', 'box', 'rma'];
    const code = fc.stringMatching(/^[A-Z0-9]{1,8}(-[A-Z0-9]{1,8}){0,3}$/);
    fc.assert(
      fc.property(fc.constantFrom(...kinds), code, (kind, value) => {
        expect(classify(stationCode(kind, value))).toEqual({ kind, code: value });
      }),
    );
  });
});

describe('classifyScan: codes a packer must hear are wrong', () => {
  it.each([
    ['an EAN-13 with a wrong check digit', '6291041500214', 'bad-check-digit'],
    ['an SSCC with a wrong check digit', '376104250021234568', 'bad-check-digit'],
    ['a GS1 GTIN with a wrong check digit', `]C10109501101530004`, 'bad-check-digit'],
    ['an EAN symbology carrying letters', ']E0629104150021X', 'invalid-characters'],
    ['GS1-128 with an unknown AI', ']C1230000', 'unknown-ai'],
    ['GS1 DataMatrix with an impossible expiry', `]d2010950110153000317140732`, 'invalid-date'],
    ['a GS1 identifier and nothing else', ']Q3', 'empty'],
    ['a 14-digit number whose check digit is wrong', '01095011015300', 'bad-check-digit'],
    ['an element string opening with AI 01 and cut short', '010950110', 'truncated'],
    ['an unknown command', 'CMD:SELF-DESTRUCT', 'unknown-command'],
    ['a bin code with an underscore', 'B:NL1_A', 'invalid-station-code'],
    ['nothing but an Enter', '\r\n', 'empty'],
  ])('refuses %s', (_why, raw, code) => {
    const scan = classify(raw);
    expect(scan).toMatchObject({ kind: 'invalid', code });
    expect(scan.kind === 'invalid' && scan.message.length).toBeGreaterThan(10);
  });

  it.each([
    'hello',
    '12345',
    '10-A',
    'X:ABC',
    'BMNL&)Q)à&)à"',
    'https://example.com/p/1',
    ']C0hello',
  ])('does not recognise %j', (raw) => {
    expect(classify(raw)).toMatchObject({ kind: 'unknown' });
  });
});

describe('classifyScan on anything a scanner or a keyboard can produce', () => {
  const scannerAlphabet = fc.constantFrom(
    ...'0123456789()]CdQe1234ABZaz:-~ \r\n',
    GS,
    '\u241d',
    'é',
    '&',
  );
  const scannerLike = fc.array(scannerAlphabet, { maxLength: 60 }).map((chars) => chars.join(''));
  const anyText = fc.string({ unit: 'binary', maxLength: 80 });
  const prefixed = fc
    .tuple(
      fc.constantFrom(']C1', ']d2', ']Q3', ']E0', '(01)', '01', '00', 'B:', 'CMD:', GS),
      scannerLike,
    )
    .map(([prefix, rest]) => prefix + rest);

  it('never throws, and every answer is one of the known kinds with its facts right', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, scannerLike, prefixed), (raw) => {
        const scan = classify(raw);
        switch (scan.kind) {
          case 'gtin':
            expect(hasValidGs1CheckDigit(scan.gtin14)).toBe(true);
            expect(scan.gtin14).toMatch(/^\d{14}$/);
            break;
          case 'sscc':
            expect(hasValidGs1CheckDigit(scan.sscc)).toBe(true);
            break;
          case 'gs1':
            expect(scan.elements.length).toBeGreaterThan(0);
            break;
          case 'invalid':
            expect(scan.message).not.toBe('');
            break;
          default:
            expect([
              'bin',
              'tote',
              'fulfillment',
              'operator',
              'box',
              'rma',
              'command',
              'unknown',
            ]).toContain(scan.kind);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
