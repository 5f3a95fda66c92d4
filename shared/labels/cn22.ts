import { countryName } from './address-format';
import { formatAmount, formatKg, formatMoney, formatWeightKg } from './label-format';
import type { Cn22Category, Cn22Data } from './label-data';
import { LABEL_WORDS, type LabelLocale } from './label-words';
import { LABEL_LAYOUT_WIDTH, ZplLabel, wrapText, type LabelDpi } from './zpl-builder';

const MARGIN = 20;
const FULL_WIDTH = LABEL_LAYOUT_WIDTH - 2 * MARGIN;

/** The form's categories in its order, two per row. */
const CATEGORIES: readonly Cn22Category[] = [
  'gift',
  'commercial-sample',
  'documents',
  'returned-goods',
  'sale-of-goods',
  'other',
];

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
export function renderCn22Zpl(
  declaration: Cn22Data,
  dpi: LabelDpi,
  locale: LabelLocale = 'en',
): string {
  const { cn22: words, decimal } = LABEL_WORDS[locale];
  const zpl = new ZplLabel(dpi);
  const { currency } = declaration;
  zpl.text(MARGIN, 20, 34, words.title);
  zpl.text(MARGIN, 60, 22, words.mayBeOpened);
  zpl.text(MARGIN, 88, 22, words.operator(declaration.carrierName));

  CATEGORIES.forEach((category, i) => {
    const caption = words.categories[category];
    const x = MARGIN + (i % 2) * 390;
    const y = 124 + Math.floor(i / 2) * 32;
    zpl.box(x, y, 24, 24, 2);
    if (category === declaration.category) zpl.text(x + 5, y + 2, 22, 'X');
    zpl.text(x + 34, y + 2, 22, caption, { maxWidth: 340 });
  });
  if (declaration.categoryExplanation)
    zpl.text(MARGIN, 224, 20, words.explanation(declaration.categoryExplanation));
  zpl.hline(MARGIN, 252, FULL_WIDTH);

  zpl.text(MARGIN, 262, 20, words.description, { maxWidth: 460 });
  zpl.text(500, 262, 20, words.weight, { maxWidth: 140 });
  zpl.text(650, 262, 20, words.value(currency), { maxWidth: 142 });
  zpl.hline(MARGIN, 288, FULL_WIDTH, 2);
  declaration.lines.forEach((line, i) => {
    const y = 298 + i * 60;
    zpl.text(MARGIN, y, 24, `${line.quantity} x ${line.description}`, { maxWidth: 470 });
    zpl.text(500, y, 24, formatKg(line.weightGrams, 3, decimal), { maxWidth: 140 });
    zpl.text(650, y, 24, formatAmount(line.valueMinor, currency, decimal), { maxWidth: 142 });
    zpl.text(
      MARGIN + 20,
      y + 28,
      20,
      words.tariffAndOrigin(line.hsCode, countryName(line.originCountry)),
    );
  });
  zpl.hline(MARGIN, 600, FULL_WIDTH);

  const totals = cn22Totals(declaration);
  const weight = formatWeightKg(totals.weightGrams, 3, decimal);
  zpl.text(MARGIN, 612, 24, words.totalWeight(weight));
  zpl.text(MARGIN, 644, 24, words.totalValue(formatMoney(totals.valueMinor, currency, decimal)));
  const party = (a: Cn22Data['sender']) => `${a.name}, ${a.city}, ${countryName(a.country)}`;
  zpl.text(MARGIN, 684, 20, words.fromParty(party(declaration.sender)));
  zpl.text(MARGIN, 710, 20, words.toParty(party(declaration.recipient)));
  zpl.hline(MARGIN, 740, FULL_WIDTH, 2);

  const nextY = zpl.lines(MARGIN, 752, 18, wrapText(words.declaration, FULL_WIDTH, 18));
  zpl.text(MARGIN, nextY + 12, 22, words.signature(declaration.date));
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
