import { describe, expect, it } from 'vitest';
import { hasValidGs1CheckDigit } from '../gs1/check-digit';
import {
  decodeBarcodes,
  renderAndDecode,
  renderZpl,
  writeRenderedPng,
} from '../../test/support/zpl-decode';
import { makeAddress, makeShippingLabel } from './label-fixtures';
import { shippingLabelDataSchema } from './label-data';
import { renderShippingLabelZpl } from './shipping-label';

describe('4×6 shipping label', () => {
  it('scans back the tracking number and the SSCC as GS1-128 with AI (00) at 203 dpi', async () => {
    const label = makeShippingLabel();
    const started = performance.now();
    const [png] = await renderZpl(renderShippingLabelZpl(label, 203), 203);
    const renderMs = performance.now() - started;
    if (!png) throw new Error('renderer returned no label');
    writeRenderedPng('test-results/labels/shipping-label-203.png', png);

    const barcodes = await decodeBarcodes(png);
    expect(barcodes.map((b) => b.text)).toEqual([label.trackingNumber, `00${label.sscc}`]);
    const [tracking, sscc] = barcodes;
    expect(tracking?.isGs1).toBe(false);
    expect(sscc?.isGs1).toBe(true);
    expect(sscc?.hri).toBe(`(00)${label.sscc}`);
    expect(hasValidGs1CheckDigit(sscc?.text.slice(2) ?? '')).toBe(true);
    expect(renderMs).toBeLessThan(20_000);
  });

  it('scales the same layout to 300 dpi and still scans', async () => {
    const label = makeShippingLabel({
      trackingNumber: 'RR000000005BE',
      sscc: '006141411234567890',
    });
    const zpl = renderShippingLabelZpl(label, 300);
    expect(zpl).toContain('^PW1200^LL1800');
    const [barcodes] = await renderAndDecode(zpl, 300);
    expect(barcodes?.map((b) => b.hri)).toEqual(['RR000000005BE', '(00)006141411234567890']);
  });

  it('prints user text with ^CI28 and hex escapes so an address with ^XZ or ~ cannot end the label', async () => {
    const label = makeShippingLabel({
      shipTo: makeAddress({ name: 'Evil ^XZ^XA^FDhack ~JR', street: 'Straße_1 \\& Ünïcode' }),
    });
    const zpl = renderShippingLabelZpl(label, 203);
    expect(zpl.startsWith('^XA^CI28')).toBe(true);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).not.toContain('~JR');
    expect(zpl).toContain('Evil _5EXZ_5EXA_5EFDhack _7EJR');
    expect(zpl).toContain('Straße_5F1 _5C& Ünïcode');
    const pages = await renderAndDecode(zpl);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.map((b) => b.text)).toEqual([label.trackingNumber, `00${label.sscc}`]);
  });

  it('shows carrier, service, order, PO, carton n of m and weight', () => {
    const zpl = renderShippingLabelZpl(
      makeShippingLabel({ cartonIndex: 2, cartonCount: 3, weightGrams: 12_340 }),
      203,
    );
    for (const fact of [
      'Own Courier',
      'Next day',
      'Order ORD-2025-0042',
      'PO PO-7781',
      'Carton 2 of 3',
      '12.34 kg',
      '(00) 387123450000000012',
    ]) {
      expect(zpl).toContain(fact);
    }
  });

  it('refuses label data with a bad SSCC check digit or carton 3 of 2, naming the field', () => {
    const badSscc = shippingLabelDataSchema.safeParse(
      makeShippingLabel({ sscc: '387123450000000013' }),
    );
    expect(badSscc.error?.issues[0]?.path).toEqual(['sscc']);
    const badCarton = shippingLabelDataSchema.safeParse(
      makeShippingLabel({ cartonIndex: 3, cartonCount: 2 }),
    );
    expect(badCarton.error?.issues[0]?.path).toEqual(['cartonIndex']);
    expect(shippingLabelDataSchema.safeParse(makeShippingLabel()).success).toBe(true);
  });
});
