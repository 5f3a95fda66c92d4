import { ssccHumanReadable } from '../gs1/sscc';
import { formatAddressLines } from './address-format';
import { formatWeightKg } from './label-format';
import type { ShippingLabelData } from './label-data';
import { LABEL_WORDS, type LabelLocale } from './label-words';
import { ZplLabel, LABEL_LAYOUT_WIDTH, type LabelDpi } from './zpl-builder';

const MARGIN = 20;
const FULL_WIDTH = LABEL_LAYOUT_WIDTH - 2 * MARGIN;

/**
 * 4×6 in shipping label: sender and carrier on top, the recipient large in the middle, order
 * facts, the carrier's tracking barcode, and the GS1 logistic (SSCC) barcode at the bottom where
 * the GS1 logistic label puts it.
 */
export function renderShippingLabelZpl(
  label: ShippingLabelData,
  dpi: LabelDpi,
  locale: LabelLocale = 'en',
): string {
  const words = LABEL_WORDS[locale];
  const zpl = new ZplLabel(dpi);
  const origin = label.shipFrom.country;

  zpl.text(MARGIN, 20, 20, words.from);
  zpl.lines(MARGIN, 44, 20, formatAddressLines(label.shipFrom, label.shipTo.country), {
    maxWidth: 460,
  });
  zpl.text(500, 20, 40, label.carrier.name, { maxWidth: 292 });
  zpl.text(500, 68, 28, label.carrier.service, { maxWidth: 292 });
  zpl.text(500, 106, 28, formatWeightKg(label.weightGrams, 2, words.decimal), { maxWidth: 292 });
  zpl.text(500, 144, 28, words.carton(label.cartonIndex, label.cartonCount), { maxWidth: 292 });
  zpl.hline(MARGIN, 200, FULL_WIDTH);

  zpl.text(MARGIN, 212, 20, words.to);
  zpl.lines(MARGIN, 240, 36, formatAddressLines(label.shipTo, origin), { maxWidth: FULL_WIDTH });
  zpl.hline(MARGIN, 550, FULL_WIDTH);

  zpl.text(MARGIN, 562, 28, words.order(label.orderNumber), { maxWidth: 380 });
  if (label.poNumber) zpl.text(420, 562, 28, words.po(label.poNumber), { maxWidth: 372 });
  zpl.hline(MARGIN, 600, FULL_WIDTH);

  zpl.text(MARGIN, 612, 20, `${words.tracking} (${label.carrier.name})`);
  zpl.code128(40, 640, label.trackingNumber, {
    height: 140,
    moduleWidth: 3,
    maxWidth: 732,
    humanReadable: true,
  });
  zpl.hline(MARGIN, 830, FULL_WIDTH);

  zpl.text(MARGIN, 842, 20, 'SSCC');
  zpl.ssccBarcode(40, 870, label.sscc, { height: 240, moduleWidth: 4, maxWidth: 732 });
  zpl.text(40, 1122, 32, ssccHumanReadable(label.sscc));
  return zpl.toZpl();
}
