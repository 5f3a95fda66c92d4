import { describe, expect, it } from 'vitest';
import { renderAndDecode } from '../../test/support/zpl-decode';
import { cn22Totals, renderCn22Zpl } from './cn22';
import { makeCn22 } from './label-fixtures';
import { cn22DataSchema } from './label-data';

describe('CN22 customs declaration', () => {
  it('lists HS code, origin, weight and value per line and computes the totals', () => {
    const declaration = makeCn22();
    const zpl = renderCn22Zpl(declaration, 203);
    expect(cn22Totals(declaration)).toEqual({ weightGrams: 650, valueMinor: 9440 });
    for (const fact of [
      'CN 22',
      '2 x Linen shirt',
      'HS tariff no. 620520',
      'Origin PORTUGAL',
      'Origin ITALY',
      '0.400',
      '59.90',
      'Total gross weight: 0.650 kg',
      'Total value: 94.40 EUR',
      'Value (EUR)',
    ]) {
      expect(zpl).toContain(fact);
    }
  });

  it('ticks exactly the declared category', () => {
    const zpl = renderCn22Zpl(makeCn22({ category: 'gift' }), 203);
    expect(zpl.match(/\^FDX\^FS/g)).toHaveLength(1);
    expect(zpl.indexOf('^FDX^FS')).toBeLessThan(zpl.indexOf('^FDGift^FS'));
  });

  it('uses the currency’s own decimals', () => {
    const zpl = renderCn22Zpl(makeCn22({ currency: 'JPY', lines: [makeCn22().lines[0]!] }), 203);
    expect(zpl).toContain('Total value: 5990 JPY');
  });

  it('renders and scans the tracking number at 203 and 300 dpi', async () => {
    const declaration = makeCn22({ trackingNumber: 'AA123456785NL' });
    for (const dpi of [203, 300] as const) {
      const [barcodes] = await renderAndDecode(renderCn22Zpl(declaration, dpi), dpi);
      expect(barcodes?.map((b) => b.text)).toEqual(['AA123456785NL']);
    }
  });

  it('refuses more lines than the form holds and a malformed HS code, naming the field', () => {
    const line = makeCn22().lines[0]!;
    expect(
      cn22DataSchema.safeParse(makeCn22({ lines: Array(6).fill(line) })).error?.issues[0]?.path,
    ).toEqual(['lines']);
    const badHs = cn22DataSchema.safeParse(makeCn22({ lines: [{ ...line, hsCode: '61.09' }] }));
    expect(badHs.error?.issues[0]?.path).toEqual(['lines', 0, 'hsCode']);
  });
});
