// The 4×6 label stuck on a returned unit that goes into quarantine: which return it came from,
// what it is, how it was graded and when, so whoever inspects it later needs no screen. The
// barcode is the unit's reference (receipt + item), printed in large type beside it.
import { z } from 'zod';
import { LABEL_WORDS, type LabelLocale } from './label-words';
import { LABEL_LAYOUT_WIDTH, ZplLabel, type LabelDpi } from './zpl-builder';

const MARGIN = 20;
const FULL_WIDTH = LABEL_LAYOUT_WIDTH - 2 * MARGIN;
const text = (max: number) => z.string().trim().min(1).max(max);

export const intakeLabelDataSchema = z.object({
  /** The RMA code, or null for an unexpected return (no RMA). */
  rmaCode: text(40).nullable(),
  /** Unit reference, e.g. RET-1A2B3C4D-I2: printable ASCII so every scanner reads it alike. */
  unitReference: z
    .string()
    .regex(/^[A-Z0-9-]{1,40}$/, 'must be 1 to 40 capital letters, digits or -'),
  sku: text(64),
  productName: text(300),
  grade: z.enum(['A', 'B', 'C', 'D']),
  disposition: z.enum(['restock', 'quarantine', 'scrap', 'return_to_vendor']),
  match: z.enum(['expected', 'wrong_item', 'extra']),
  note: z.string().trim().max(500).nullable(),
  /** Day of intake, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
});
export type IntakeLabelData = z.infer<typeof intakeLabelDataSchema>;

/** The unit reference printed as the label's barcode. */
export function intakeUnitReference(receiptId: string, itemId: string): string {
  const receipt = receiptId
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 8)
    .toUpperCase();
  return `RET-${receipt}-${itemId.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`;
}

export function renderIntakeLabelZpl(
  label: IntakeLabelData,
  dpi: LabelDpi,
  locale: LabelLocale = 'en',
): string {
  const { returnTitle, intake: words } = LABEL_WORDS[locale];
  const zpl = new ZplLabel(dpi);
  zpl.text(MARGIN, 20, 70, words.dispositions[label.disposition]);
  zpl.text(MARGIN, 100, 30, words.returned(label.date));
  zpl.hline(MARGIN, 145, FULL_WIDTH);

  zpl.text(MARGIN, 160, 20, returnTitle);
  zpl.text(MARGIN, 186, 44, label.rmaCode ? `RMA ${label.rmaCode}` : words.noRma);
  const flag =
    label.match === 'wrong_item' ? words.wrongItem : label.match === 'extra' ? words.extra : null;
  if (flag) zpl.text(MARGIN, 240, 30, flag);
  zpl.hline(MARGIN, 285, FULL_WIDTH);

  zpl.text(MARGIN, 300, 20, words.item);
  zpl.text(MARGIN, 326, 44, label.sku);
  zpl.text(MARGIN, 380, 30, label.productName);
  zpl.hline(MARGIN, 425, FULL_WIDTH);

  zpl.text(MARGIN, 440, 20, words.grade);
  zpl.text(MARGIN, 466, 120, label.grade);
  zpl.text(140, 500, 44, words.grades[label.grade]);
  let y = 610;
  if (label.note) {
    zpl.text(MARGIN, y, 20, words.note);
    zpl.text(MARGIN, y + 26, 30, label.note);
    y += 80;
  }
  zpl.hline(MARGIN, y, FULL_WIDTH);

  zpl.code128(40, y + 30, label.unitReference, {
    height: 200,
    moduleWidth: 3,
    maxWidth: 732,
    humanReadable: true,
  });
  return zpl.toZpl();
}
