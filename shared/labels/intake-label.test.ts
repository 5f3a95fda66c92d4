import { describe, expect, it } from 'vitest';
import { renderAndDecode } from '../../test/support/zpl-decode';
import {
  intakeLabelDataSchema,
  intakeUnitReference,
  renderIntakeLabelZpl,
  type IntakeLabelData,
} from './intake-label';

function makeIntakeLabel(over: Partial<IntakeLabelData> = {}): IntakeLabelData {
  return {
    rmaCode: 'R-2025-00017',
    unitReference: intakeUnitReference('3f2a9c1e-77aa-4b1c-9d3e-0a1b2c3d4e5f', 'I2'),
    sku: 'E2E-MUG',
    productName: 'Blue mug',
    grade: 'C',
    disposition: 'quarantine',
    match: 'expected',
    note: 'Chipped handle',
    date: '2025-03-05',
    ...over,
  };
}

describe('quarantine intake label', () => {
  it('scans back the unit reference of the receipt and item', async () => {
    const [barcodes] = await renderAndDecode(renderIntakeLabelZpl(makeIntakeLabel(), 203));
    expect(barcodes?.map((b) => b.text)).toEqual(['RET-3F2A9C1E-I2']);
  });

  it('reads back at 300 dpi too, for an unexpected return flagged for customer service', async () => {
    const zpl = renderIntakeLabelZpl(
      makeIntakeLabel({ rmaCode: null, match: 'wrong_item', note: null }),
      300,
    );
    expect(zpl).toContain('NO RMA - CUSTOMER SERVICE');
    expect(zpl).toContain('WRONG ITEM');
    const [barcodes] = await renderAndDecode(zpl, 300);
    expect(barcodes?.map((b) => b.text)).toEqual(['RET-3F2A9C1E-I2']);
  });

  it('prints the RMA, SKU, grade and date, and a note as text that cannot end the label', () => {
    const zpl = renderIntakeLabelZpl(makeIntakeLabel({ note: 'lid ^XZ missing' }), 203);
    for (const part of [
      'RMA R-2025-00017',
      'E2E-MUG',
      'DAMAGED',
      'Returned 2025-03-05',
      'QUARANTINE',
    ])
      expect(zpl).toContain(part);
    expect(zpl).toContain('lid _5EXZ missing');
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
  });

  it('refuses a unit reference a scanner could misread, naming the field', () => {
    const result = intakeLabelDataSchema.safeParse(makeIntakeLabel({ unitReference: 'ret 1>2' }));
    expect(result.error?.issues[0]?.path).toEqual(['unitReference']);
  });
});
