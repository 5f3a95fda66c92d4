import { countryName } from './address-format';
import { formatAmount, formatKg, formatMoney, formatWeightKg } from './label-format';
import type { Cn22Category, Cn22Data } from './label-data';
import { LABEL_LAYOUT_WIDTH, ZplLabel, wrapText, type LabelDpi } from './zpl-builder';

const MARGIN = 20;
const FULL_WIDTH = LABEL_LAYOUT_WIDTH - 2 * MARGIN;

const CATEGORY_LABELS: ReadonlyArray<[Cn22Category, string]> = [
  ['gift', 'Gift'],
  ['commercial-sample', 'Commercial sample'],
  ['documents', 'Documents'],
  ['returned-goods', 'Returned goods'],
  ['sale-of-goods', 'Sale of goods'],
  ['other', 'Other'],
];

const DECLARATION =
  'I, the undersigned, whose name and address are given on the item, certify that the particulars given in this ' +
  'declaration are correct and that this item does not contain any dangerous article or articles prohibited by ' +
  'legislation or by postal or customs regulations.';

export function cn22Totals(declaration: Cn22Data): { weightGrams: number; valueMinor: number } {
  return declaration.lines.reduce(
    (totals, line) => ({
      weightGrams: totals.weightGrams + line.weightGrams,
      valueMinor: totals.valueMinor + line.valueMinor,
    }),
    { weightGrams: 0, valueMinor: 0 },
  );
}

/** CN22 customs declaration on a 4×6 label, laid out in the order of the UPU form. Totals are computed, never typed in. */
export function renderCn22Zpl(declaration: Cn22Data, dpi: LabelDpi): string {
  const zpl = new ZplLabel(dpi);
  const { currency } = declaration;
  zpl.text(MARGIN, 20, 34, 'CUSTOMS DECLARATION  CN 22');
  zpl.text(MARGIN, 60, 22, 'May be opened officially');
  zpl.text(MARGIN, 88, 22, `Designated operator: ${declaration.carrierName}`);

  CATEGORY_LABELS.forEach(([category, caption], i) => {
    const x = MARGIN + (i % 2) * 390;
    const y = 124 + Math.floor(i / 2) * 32;
    zpl.box(x, y, 24, 24, 2);
    if (category === declaration.category) zpl.text(x + 5, y + 2, 22, 'X');
    zpl.text(x + 34, y + 2, 22, caption, { maxWidth: 340 });
  });
  if (declaration.categoryExplanation)
    zpl.text(MARGIN, 224, 20, `Explanation: ${declaration.categoryExplanation}`);
  zpl.hline(MARGIN, 252, FULL_WIDTH);

  zpl.text(MARGIN, 262, 20, 'Quantity and detailed description', { maxWidth: 460 });
  zpl.text(500, 262, 20, 'Weight (kg)', { maxWidth: 140 });
  zpl.text(650, 262, 20, `Value (${currency})`, { maxWidth: 142 });
  zpl.hline(MARGIN, 288, FULL_WIDTH, 2);
  declaration.lines.forEach((line, i) => {
    const y = 298 + i * 60;
    zpl.text(MARGIN, y, 24, `${line.quantity} x ${line.description}`, { maxWidth: 470 });
    zpl.text(500, y, 24, formatKg(line.weightGrams, 3), { maxWidth: 140 });
    zpl.text(650, y, 24, formatAmount(line.valueMinor, currency), { maxWidth: 142 });
    zpl.text(
      MARGIN + 20,
      y + 28,
      20,
      `HS tariff no. ${line.hsCode}   Origin ${countryName(line.originCountry)}`,
    );
  });
  zpl.hline(MARGIN, 600, FULL_WIDTH);

  const totals = cn22Totals(declaration);
  zpl.text(MARGIN, 612, 24, `Total gross weight: ${formatWeightKg(totals.weightGrams, 3)}`);
  zpl.text(MARGIN, 644, 24, `Total value: ${formatMoney(totals.valueMinor, currency)}`);
  zpl.text(
    MARGIN,
    684,
    20,
    `From: ${declaration.sender.name}, ${declaration.sender.city}, ${countryName(declaration.sender.country)}`,
  );
  zpl.text(
    MARGIN,
    710,
    20,
    `To: ${declaration.recipient.name}, ${declaration.recipient.city}, ${countryName(declaration.recipient.country)}`,
  );
  zpl.hline(MARGIN, 740, FULL_WIDTH, 2);

  const nextY = zpl.lines(MARGIN, 752, 18, wrapText(DECLARATION, FULL_WIDTH, 18));
  zpl.text(MARGIN, nextY + 12, 22, `Date and sender's signature: ${declaration.date}`);
  zpl.hline(MARGIN, nextY + 70, 500, 2);

  if (declaration.trackingNumber) {
    zpl.code128(40, 1000, declaration.trackingNumber, {
      height: 120,
      moduleWidth: 2,
      maxWidth: 732,
      humanReadable: true,
    });
  }
  return zpl.toZpl();
}
