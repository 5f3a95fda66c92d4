import { formatAddressLines } from './address-format';
import { paginate } from './label-format';
import type { PackingSlipData } from './label-data';
import { LABEL_LAYOUT_WIDTH, ZplLabel, type LabelDpi } from './zpl-builder';

const MARGIN = 20;
const FULL_WIDTH = LABEL_LAYOUT_WIDTH - 2 * MARGIN;
const LINES_PER_LABEL = 9;
const LINE_PITCH = 62;

/**
 * Packing slip on 4×6 labels, one label per nine order lines. Every label carries the order
 * number as Code 128 so a packer can scan any page back to its order.
 */
export function renderPackingSlipZpl(slip: PackingSlipData, dpi: LabelDpi): string {
  const pages = paginate(slip.lines, LINES_PER_LABEL);
  const totalUnits = slip.lines.reduce((sum, line) => sum + line.quantity, 0);
  return pages
    .map((lines, pageIndex) => {
      const zpl = new ZplLabel(dpi);
      zpl.text(MARGIN, 20, 40, 'PACKING SLIP', { maxWidth: 560 });
      zpl.text(620, 28, 24, `Page ${pageIndex + 1}/${pages.length}`, { maxWidth: 172 });
      zpl.text(MARGIN, 70, 30, `Order ${slip.orderNumber}`);
      zpl.text(
        MARGIN,
        106,
        24,
        slip.poNumber ? `PO ${slip.poNumber}   Date ${slip.orderDate}` : `Date ${slip.orderDate}`,
      );
      zpl.code128(MARGIN + 20, 140, slip.orderNumber, {
        height: 90,
        moduleWidth: 2,
        maxWidth: FULL_WIDTH - 40,
        humanReadable: false,
      });
      zpl.hline(MARGIN, 250, FULL_WIDTH);

      zpl.text(MARGIN, 262, 20, 'SHIP TO');
      zpl.lines(MARGIN, 286, 24, formatAddressLines(slip.shipTo, slip.shipFrom.country));
      zpl.hline(MARGIN, 500, FULL_WIDTH);

      zpl.text(MARGIN, 512, 20, 'QTY');
      zpl.text(110, 512, 20, 'SKU / ITEM');
      zpl.hline(MARGIN, 538, FULL_WIDTH, 2);
      lines.forEach((line, i) => {
        const y = 548 + i * LINE_PITCH;
        zpl.text(MARGIN, y, 30, String(line.quantity), { maxWidth: 80 });
        zpl.text(110, y, 24, line.sku);
        zpl.text(110, y + 28, 22, line.name);
      });

      const isLast = pageIndex === pages.length - 1;
      if (isLast) {
        zpl.hline(MARGIN, 1110, FULL_WIDTH, 2);
        zpl.text(MARGIN, 1122, 26, `${slip.lines.length} lines, ${totalUnits} units`);
        if (slip.note) zpl.text(MARGIN, 1160, 22, slip.note);
      }
      return zpl.toZpl();
    })
    .join('');
}
