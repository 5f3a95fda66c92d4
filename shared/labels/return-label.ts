import { formatAddressLines } from './address-format';
import type { ReturnLabelData } from './label-data';
import { LABEL_WORDS, type LabelLocale } from './label-words';
import { LABEL_LAYOUT_WIDTH, ZplLabel, type LabelDpi } from './zpl-builder';

const MARGIN = 20;
const FULL_WIDTH = LABEL_LAYOUT_WIDTH - 2 * MARGIN;

/** What the returns station scans to find the RMA; the prefix tells it from an order number. */
export function rmaBarcodeValue(rmaId: string): string {
  return `RMA:${rmaId}`;
}

/** 4×6 return label: the customer's address as sender, the returns warehouse as recipient, the RMA barcode. */
export function renderReturnLabelZpl(
  label: ReturnLabelData,
  dpi: LabelDpi,
  locale: LabelLocale = 'en',
): string {
  const words = LABEL_WORDS[locale];
  const zpl = new ZplLabel(dpi);
  zpl.text(MARGIN, 20, 60, words.returnTitle);
  zpl.text(MARGIN, 90, 30, `RMA ${label.rmaId}`);

  zpl.text(MARGIN, 140, 20, words.from);
  zpl.lines(MARGIN, 164, 20, formatAddressLines(label.returnFrom, label.returnTo.country));
  zpl.hline(MARGIN, 340, FULL_WIDTH);

  zpl.text(MARGIN, 352, 20, words.returnTo);
  zpl.lines(MARGIN, 380, 36, formatAddressLines(label.returnTo, label.returnFrom.country));
  zpl.hline(MARGIN, 690, FULL_WIDTH);

  zpl.text(MARGIN, 702, 28, words.order(label.orderNumber));
  if (label.carrier) zpl.text(MARGIN, 740, 28, `${label.carrier.name} - ${label.carrier.service}`);
  zpl.hline(MARGIN, 780, FULL_WIDTH);

  zpl.text(MARGIN, 792, 20, 'RMA');
  zpl.code128(40, 820, rmaBarcodeValue(label.rmaId), {
    height: 160,
    moduleWidth: 3,
    maxWidth: 732,
    humanReadable: true,
  });
  if (label.trackingNumber) {
    zpl.text(MARGIN, 1022, 20, words.tracking);
    zpl.code128(40, 1046, label.trackingNumber, {
      height: 110,
      moduleWidth: 2,
      maxWidth: 732,
      humanReadable: true,
    });
  }
  return zpl.toZpl();
}
