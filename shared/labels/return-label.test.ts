import { describe, expect, it } from 'vitest';
import { renderAndDecode } from '../../test/support/zpl-decode';
import { makeReturnLabel } from './label-fixtures';
import { returnLabelDataSchema } from './label-data';
import { renderReturnLabelZpl, rmaBarcodeValue } from './return-label';

describe('return label', () => {
  it('scans back the RMA station code and the return tracking number', async () => {
    const label = makeReturnLabel({
      trackingNumber: 'RR000000005NL',
      carrier: { name: 'PostNL', service: 'Return' },
    });
    const [barcodes] = await renderAndDecode(renderReturnLabelZpl(label, 203));
    expect(barcodes?.map((b) => b.text)).toEqual(['RMA:R-10077', 'RR000000005NL']);
  });

  it('prints only the RMA barcode when no carrier tracking is known, also at 300 dpi', async () => {
    const [barcodes] = await renderAndDecode(
      renderReturnLabelZpl(makeReturnLabel({ rmaId: '7' }), 300),
      300,
    );
    expect(barcodes?.map((b) => b.text)).toEqual([rmaBarcodeValue('7')]);
  });

  it('refuses an RMA id a scanner could misread, naming the field', () => {
    const result = returnLabelDataSchema.safeParse(makeReturnLabel({ rmaId: 'R 1>2' }));
    expect(result.error?.issues[0]?.path).toEqual(['rmaId']);
  });
});
