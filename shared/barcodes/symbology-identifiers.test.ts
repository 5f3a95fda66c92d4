// The symbology identifier table, checked identifier by identifier against
//   GS1 General Specifications, figure 5.1.2-2 "Symbology identifiers for GS1 data carriers"
//   (]E0 ]E1 ]E2 ]E3 ]E4 ]I1 ]C1 ]e0 ]d2 ]Q3 ]J1), and
//   ISO/IEC 15424:2008 (modifiers of Code 128 C, Data Matrix d, QR Code Q, ITF I, DotCode J,
//   GS1 DataBar/Composite e) for the modifiers that are not GS1: ]C0 ]C2 ]C4, ]d0 ]d1 ]d3–]d6,
//   ]Q0–]Q2 ]Q4–]Q6, ]I0 ]I3, ]J0 ]J2 ]J3, ]e1–]e3.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScan } from './classify-scan';
import { stationCode } from './station-codes';
import {
  gs1SymbologyIdentifiers,
  plainSymbologyIdentifiers,
  readSymbologyIdentifier,
} from './symbology-identifiers';

const GS = '\x1d';
const classify = (raw: string) => classifyScan(raw, { referenceYear: 2026 });
/** GS1 General Specifications example element string: GTIN, expiry, lot, serial. */
const elementString = `01095011015300031714070410AB-123${GS}21S1`;
const parsedExample = {
  kind: 'gs1',
  gtin: '09501101530003',
  expiry: '2014-07-04',
  lot: 'AB-123',
  serial: 'S1',
};

describe('GS1 symbology identifiers (GS1 General Specifications figure 5.1.2-2)', () => {
  it('lists exactly the identifiers of the GS1 table', () => {
    expect(Object.keys(gs1SymbologyIdentifiers).sort()).toEqual(
      [']C1', ']E0', ']E1', ']E2', ']E3', ']E4', ']I1', ']J1', ']Q3', ']d2', ']e0'].sort(),
    );
  });

  it.each([
    [']C1', 'gs1-128'],
    [']e0', 'gs1-databar'],
    [']d2', 'gs1-datamatrix'],
    [']Q3', 'gs1-qr'],
    [']J1', 'gs1-dotcode'],
  ])('%s announces GS1 element strings (%s)', (identifier, symbology) => {
    expect(classify(identifier + elementString)).toMatchObject({ ...parsedExample, symbology });
  });

  it.each([
    [']E0', '6291041500213', 'ean-13', '06291041500213'],
    [']E0', '036000291452', 'upc-a', '00036000291452'],
    [']E4', '96385074', 'ean-8', '00000096385074'],
    [']I1', '09521234543213', 'gtin-14', '09521234543213'],
  ])('%s%s is the GTIN of a %s', (identifier, digits, symbology, gtin14) => {
    expect(classify(identifier + digits)).toEqual({ kind: 'gtin', symbology, gtin14 });
  });

  it.each([
    ['12', '6291041500213'],
    ['52495', '6291041500213'],
  ])('reads ]E3 as EAN-13 with a %s add-on', (addOn, ean) => {
    expect(classify(`]E3${ean}${addOn}`)).toEqual({
      kind: 'gtin',
      symbology: 'ean-13',
      gtin14: `0${ean}`,
      addOn,
    });
  });

  it.each([']E1', ']E2'])('%s (an add-on on its own) identifies no product', (identifier) => {
    expect(classify(`${identifier}${identifier === ']E1' ? '12' : '52495'}`)).toEqual({
      kind: 'unknown',
      raw: identifier === ']E1' ? '12' : '52495',
    });
  });

  it.each([
    [']E4', '6291041500213', 'EAN-8 sends 8 digits'],
    [']I1', '96385074', 'ITF-14 sends 14 digits'],
    [']E3', '6291041500213', 'sends 15 or 18 digits'],
    [']E0', '09521234543213', 'sends 13 or 12 digits'],
  ])('refuses %s with %s: the wrong length for its symbology', (identifier, digits, message) => {
    expect(classify(identifier + digits)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining(message),
    });
  });
});

describe('identifiers that say "not GS1" (ISO/IEC 15424 modifiers)', () => {
  it.each(Object.entries(plainSymbologyIdentifiers))(
    '%s (%s) carries plain text, not element strings',
    (identifier) => {
      expect(readSymbologyIdentifier(identifier + '0100')).toMatchObject({
        identifier,
        data: { reading: 'plain' },
      });
      expect(classify(identifier + elementString)).toEqual({ kind: 'unknown', raw: elementString });
      expect(classify(`${identifier}00376104250021234569`)).toMatchObject({ kind: 'unknown' });
      expect(classify(`${identifier}6291041500213`)).toMatchObject({ kind: 'unknown' });
    },
  );

  it('still reads the station’s own codes behind plain Code 128, Data Matrix and QR', () => {
    for (const identifier of [']C0', ']d1', ']Q1']) {
      expect(classify(identifier + stationCode('bin', 'NL1-A-01-03'))).toEqual({
        kind: 'bin',
        code: 'NL1-A-01-03',
      });
    }
  });

  // Every well-formed identifier outside the GS1 table, except undefined ones that Caps Lock
  // turns into one of the table (]c1 → ]C1): whatever follows it is never read as GS1 elements, a GTIN or an SSCC.
  const gs1 = new Set(Object.keys(gs1SymbologyIdentifiers));
  const invert = (letter: string) =>
    letter === letter.toUpperCase() ? letter.toLowerCase() : letter.toUpperCase();
  const plainIdentifier = fc
    .tuple(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
      fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
    )
    .map(([letter, modifier]) => [`]${letter}${modifier}`, `]${invert(letter)}${modifier}`])
    .filter(
      ([exact, inverted]) =>
        !gs1.has(exact!) && (!gs1.has(inverted!) || exact! in plainSymbologyIdentifiers),
    )
    .map(([exact]) => exact!);
  const gs1Looking = fc.oneof(
    fc.constantFrom(elementString, '00376104250021234569', '6291041500213', '(01)09501101530003'),
    fc
      .stringMatching(/^(0[0-2]|1[0-7]|2[01]|3[0-9]{3})[0-9A-Z~-]{0,40}$/)
      .map((data) => data.replaceAll('~', GS)),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );

  it('never reads anything behind a non-GS1 identifier as GS1 data', () => {
    fc.assert(
      fc.property(plainIdentifier, gs1Looking, (identifier, data) => {
        const scan = classify(identifier + data);
        expect(['gs1', 'sscc', 'gtin']).not.toContain(scan.kind);
        if (scan.kind === 'invalid')
          expect(['invalid-station-code', 'unknown-command', 'empty']).toContain(scan.code);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads ]E0 typed with Caps Lock on (]e0 + an EAN) as the EAN, not GS1 DataBar', () => {
    expect(classify(']e06291041500213')).toEqual({
      kind: 'gtin',
      symbology: 'ean-13',
      gtin14: '06291041500213',
    });
    expect(classify(`]e0${elementString}`)).toMatchObject({
      kind: 'gs1',
      symbology: 'gs1-databar',
    });
  });
});
