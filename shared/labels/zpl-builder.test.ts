import { describe, expect, it } from 'vitest';
import { escapeZplText, fitText, wrapText, ZplLabel } from './zpl-builder';

describe('ZPL builder', () => {
  it('hex-escapes the ZPL command characters and the escape character itself', () => {
    expect(escapeZplText('^XZ ~JR _ \\ ok')).toBe('_5EXZ _7EJR _5F _5C ok');
    expect(escapeZplText('line\nbreak\ttab')).toBe('line break tab');
    expect(escapeZplText('Zoë Łódź 東京')).toBe('Zoë Łódź 東京');
  });

  it('cuts text that would run off the label and leaves short text alone', () => {
    expect(fitText('short', 400, 20)).toBe('short');
    const cut = fitText('x'.repeat(100), 110, 20);
    expect(cut).toBe(`${'x'.repeat(7)}...`);
  });

  it('wraps at spaces within the width', () => {
    expect(wrapText('one two three four', 88, 20)).toEqual(['one two', 'three', 'four']);
  });

  it('scales positions, sizes and bar widths from the 203-dpi layout', () => {
    const at203 = new ZplLabel(203)
      .text(100, 200, 30, 'A')
      .code128(40, 640, 'AB', { height: 140, moduleWidth: 3, maxWidth: 732, humanReadable: true })
      .toZpl();
    const at300 = new ZplLabel(300)
      .text(100, 200, 30, 'A')
      .code128(40, 640, 'AB', { height: 140, moduleWidth: 3, maxWidth: 732, humanReadable: true })
      .toZpl();
    expect(at203).toContain('^FO100,200^A0N,30,30');
    expect(at300).toContain('^FO148,296^A0N,44,44');
    expect(at203).toContain('^BY3^BCN,140,Y,N,N^FDAB^FS');
    expect(at300).toContain('^BY4^BCN,207,Y,N,N^FDAB^FS');
  });

  it('narrows the bars of long Code 128 data so the barcode stays on the label', () => {
    const zpl = new ZplLabel(203)
      .code128(40, 0, 'A'.repeat(30), {
        height: 100,
        moduleWidth: 3,
        maxWidth: 732,
        humanReadable: false,
      })
      .toZpl();
    expect(zpl).toContain('^BY2^BCN');
  });

  it('writes the SSCC with subset C, FNC1 and AI 00, and refuses anything but 18 digits', () => {
    const label = new ZplLabel(203);
    expect(
      label
        .ssccBarcode(40, 870, '387123450000000012', { height: 240, moduleWidth: 4, maxWidth: 732 })
        .toZpl(),
    ).toContain('^BY4^BCN,240,N,N,N^FD>;>800387123450000000012^FS');
    expect(() =>
      label.ssccBarcode(0, 0, '12345', { height: 1, moduleWidth: 1, maxWidth: 700 }),
    ).toThrow(/18 digits/);
  });

  it('refuses Code 128 data with ZPL command characters and escapes the > invocation sign', () => {
    expect(() =>
      new ZplLabel(203).code128(0, 0, 'A^XZ', {
        height: 1,
        moduleWidth: 1,
        maxWidth: 700,
        humanReadable: false,
      }),
    ).toThrow();
    expect(
      new ZplLabel(203)
        .code128(0, 0, 'A>B', { height: 1, moduleWidth: 1, maxWidth: 700, humanReadable: false })
        .toZpl(),
    ).toContain('^FDA><B^FS');
  });
});
