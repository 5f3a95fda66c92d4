import { formatAddressLines } from './address-format';
import { paginate } from './label-format';
import type { PackingSlipData } from './label-data';
import { LABEL_WORDS, type LabelLocale } from './label-words';
import { LABEL_LAYOUT_WIDTH, ZplLabel, type LabelDpi } from './zpl-builder';

const MARGIN = 20;
const FULL_WIDTH = LABEL_LAYOUT_WIDTH - 2 * MARGIN;
const LINES_PER_LABEL = 9;
const LINE_PITCH = 62;

/**
 * Packing slip on 4×6 labels, one label per nine order lines. Every label carries the order
 * number as Code 128 so a packer can scan any page back to its order.
 */
export function renderPackingSlipZpl(
  slip: PackingSlipData,
  dpi: LabelDpi,
  locale: LabelLocale = 'en',
): string {
  const words = LABEL_WORDS[locale];
  const pages = paginate(slip.lines, LINES_PER_LABEL);
  const totalUnits = slip.lines.reduce((sum, line) => sum + line.quantity, 0);
  return pages
    .map((lines, pageIndex) => {
      const zpl = new ZplLabel(dpi);
      zpl.text(MARGIN, 20, 40, words.packingSlip, { maxWidth: 560 });
      zpl.text(620, 28, 24, words.page(pageIndex + 1, pages.length), { maxWidth: 172 });
      zpl.text(MARGIN, 70, 30, words.order(slip.orderNumber));
      const dated = words.dated(slip.orderDate);
      zpl.text(MARGIN, 106, 24, slip.poNumber ? `${words.po(slip.poNumber)}   ${dated}` : dated);
      zpl.code128(MARGIN + 20, 140, slip.orderNumber, {
        height: 90,
        moduleWidth: 2,
        maxWidth: FULL_WIDTH - 40,
        humanReadable: false,
      });
      zpl.hline(MARGIN, 250, FULL_WIDTH);

      zpl.text(MARGIN, 262, 20, words.shipTo);
      zpl.lines(MARGIN, 286, 24, formatAddressLines(slip.shipTo, slip.shipFrom.country));
      zpl.hline(MARGIN, 500, FULL_WIDTH);

      zpl.text(MARGIN, 512, 20, words.quantityShort);
      zpl.text(110, 512, 20, words.skuAndItem);
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
        zpl.text(MARGIN, 1122, 26, words.totals(slip.lines.length, totalUnits));
        if (slip.note) zpl.text(MARGIN, 1160, 22, slip.note);
      }
      return zpl.toZpl();
    })
    .join('');
}
