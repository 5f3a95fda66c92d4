// Labels speak the station's language. English is what every template printed before it spoke
// Dutch: those bytes are pinned here (a change to English ZPL must be deliberate). Dutch labels
// carry no fixed English word and still scan.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderAndDecode } from '../../test/support/zpl-decode';
import { renderCn22Zpl } from './cn22';
import { renderIntakeLabelZpl } from './intake-label';
import {
  makeCn22,
  makeIntakeLabel,
  makePackingSlip,
  makeReturnLabel,
  makeShippingLabel,
} from './label-fixtures';
import { LABEL_WORDS, labelLocale, type LabelLocale } from './label-words';
import { renderPackingSlipPdf } from './packing-slip-pdf';
import { renderPackingSlipZpl } from './packing-slip-zpl';
import { renderReturnLabelZpl } from './return-label';
import { renderShippingLabelZpl } from './shipping-label';
import type { LabelDpi } from './zpl-builder';

/** FNV-1a over the ZPL text: stable across runs and platforms. */
function fingerprint(value: string): string {
  let hash = 0x811c9dc5;
  for (const char of value) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const templates = {
  shipping: (dpi: LabelDpi, locale?: LabelLocale) =>
    renderShippingLabelZpl(makeShippingLabel(), dpi, locale),
  slip: (dpi: LabelDpi, locale?: LabelLocale) =>
    renderPackingSlipZpl(makePackingSlip({ lines: 11, note: 'Gift wrap' }), dpi, locale),
  return: (dpi: LabelDpi, locale?: LabelLocale) =>
    renderReturnLabelZpl(
      makeReturnLabel({
        trackingNumber: 'RR000000005NL',
        carrier: { name: 'PostNL', service: 'Return' },
      }),
      dpi,
      locale,
    ),
  cn22: (dpi: LabelDpi, locale?: LabelLocale) =>
    renderCn22Zpl(
      makeCn22({ trackingNumber: 'AA123456785NL', categoryExplanation: 'Spare parts' }),
      dpi,
      locale,
    ),
  intake: (dpi: LabelDpi, locale?: LabelLocale) =>
    renderIntakeLabelZpl(makeIntakeLabel(), dpi, locale),
};

/** The English ZPL as the templates printed it before they took a locale (addresses in each
 * country's libaddressinput layout since shared/addresses). */
const ENGLISH: Record<keyof typeof templates, Record<LabelDpi, string>> = {
  shipping: { 203: '53410798', 300: 'dee9fe6f' },
  slip: { 203: '8661fba4', 300: 'ad655c67' },
  return: { 203: '80201734', 300: 'bd303300' },
  cn22: { 203: 'fdfc1cc4', 300: 'd4ccb6fe' },
  intake: { 203: 'd8028d63', 300: '361c57e5' },
};

/** Words a Dutch label must not print (they are the English captions). */
const ENGLISH_WORDS = [
  'FROM',
  'TO',
  'Carton',
  'PACKING SLIP',
  'Page',
  'Date',
  'SHIP TO',
  'QTY',
  'ITEM',
  'lines',
  'units',
  'RETURN',
  'Returned',
  'GRADE',
  'NOTE',
  'DAMAGED',
  'QUARANTINE',
  'WRONG ITEM',
  'CUSTOMS DECLARATION',
  'Designated operator',
  'Sale of goods',
  'Weight',
  'Value',
  'Total',
  'HS tariff',
  'Origin',
  'signature',
  'undersigned',
];

/** The text fields of a ZPL label (what ^FD…^FS prints), barcodes left out. */
const printedTexts = (zpl: string) =>
  [...zpl.matchAll(/\^A0N[^^]*\^FH\^FD([^^]*)\^FS/g)].map((m) => m[1]!);

describe('label language', () => {
  it.each(Object.keys(templates) as (keyof typeof templates)[])(
    'prints the %s label in English byte for byte as before, at 203 and 300 dpi',
    (name) => {
      for (const dpi of [203, 300] as const) {
        expect(fingerprint(templates[name](dpi)), `${name} at ${dpi} dpi`).toBe(ENGLISH[name][dpi]);
        expect(templates[name](dpi, 'en')).toBe(templates[name](dpi));
      }
    },
  );

  /** English caption words that are also the right word in that language. */
  const SAME_WORD: Record<Exclude<LabelLocale, 'en'>, string[]> = {
    nl: [],
    de: [],
    fr: ['Total', 'Date', 'NOTE', 'Page', 'signature'],
  };
  it.each(
    (['nl', 'de', 'fr'] as const).flatMap((locale) =>
      (Object.keys(templates) as (keyof typeof templates)[]).map((name) => [name, locale] as const),
    ),
  )('prints the %s label in %s without a fixed English word', (name, locale) => {
    const texts = printedTexts(templates[name](203, locale)).join('\n');
    for (const word of ENGLISH_WORDS.filter((w) => !SAME_WORD[locale].includes(w)))
      expect(texts, `${name}: "${word}"`).not.toMatch(new RegExp(`\\b${word}\\b`));
  });

  it('puts the German and French words a packer expects on the shipping label and the slip', () => {
    const label = makeShippingLabel({ cartonIndex: 2, cartonCount: 3, weightGrams: 12_340 });
    for (const fact of ['VON', 'AN', 'Packstück 2 von 3', '12,34 kg'])
      expect(renderShippingLabelZpl(label, 203, 'de')).toContain(fact);
    for (const fact of ['DESTINATAIRE', 'Colis 2 sur 3', '12,34 kg'])
      expect(renderShippingLabelZpl(label, 203, 'fr')).toContain(fact);
    expect(renderPackingSlipZpl(makePackingSlip({ lines: 2 }), 203, 'de')).toContain(
      '2 Positionen, 3 Stück',
    );
    expect(renderPackingSlipZpl(makePackingSlip({ lines: 2 }), 203, 'fr')).toContain(
      '2 lignes, 3 unit',
    );
  });

  it('puts the Dutch words a packer expects on the shipping label and the packing slip', () => {
    const label = renderShippingLabelZpl(
      makeShippingLabel({ cartonIndex: 2, cartonCount: 3, weightGrams: 12_340 }),
      203,
      'nl',
    );
    for (const fact of ['VAN', 'AAN', 'Colli 2 van 3', '12,34 kg', 'Order ORD-2025-0042'])
      expect(label).toContain(fact);
    const slip = renderPackingSlipZpl(makePackingSlip({ lines: 2 }), 203, 'nl');
    for (const fact of ['PAKBON', 'Pagina 1/1', 'AFLEVERADRES', '2 regels, 3 stuks'])
      expect(slip).toContain(fact);
    const cn22 = renderCn22Zpl(makeCn22(), 203, 'nl');
    for (const fact of ['DOUANEVERKLARING', 'Totale waarde: 94,40 EUR', 'Verkoop van goederen'])
      expect(cn22).toContain(fact);
  });

  it('titles the A4 packing slip in Dutch', async () => {
    const slip = makePackingSlip({ lines: 1 });
    const doc = await PDFDocument.load(await renderPackingSlipPdf(slip, 'nl'));
    expect(doc.getTitle()).toBe(`Pakbon ${slip.orderNumber}`);
    expect(doc.getSubject()).toBe(`Order ${slip.orderNumber}`);
  });

  it('still scans the Dutch shipping label: tracking number and SSCC', async () => {
    const label = makeShippingLabel();
    const [barcodes] = await renderAndDecode(renderShippingLabelZpl(label, 203, 'nl'));
    expect(barcodes?.map((b) => b.text)).toEqual([label.trackingNumber, `00${label.sscc}`]);
  });

  it('has every word in all four languages, and reads a UI language as a label language', () => {
    for (const locale of ['nl', 'de', 'fr'] as const)
      expect(Object.keys(LABEL_WORDS[locale]).sort()).toEqual(Object.keys(LABEL_WORDS.en).sort());
    expect(labelLocale('nl-BE')).toBe('nl');
    expect(labelLocale('NL')).toBe('nl');
    expect(labelLocale('en-GB')).toBe('en');
    expect(labelLocale('de-AT')).toBe('de');
    expect(labelLocale('fr-BE')).toBe('fr');
    expect(labelLocale('es')).toBe('en');
    expect(labelLocale(undefined)).toBe('en');
  });
});
