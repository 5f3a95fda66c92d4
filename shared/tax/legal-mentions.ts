// What a document says when no VAT is charged (reverse charge, export), in each language a slip,
// e-mail or invoice is printed in. Free of the VAT engine's dependencies (VAT number checks), so
// the station's main process can print it on a packing slip without bundling them.
import type { VatScheme } from './vat-scheme';

/** The schemes under which no VAT is charged and a document must say why (LEGAL_MENTIONS). */
export const VAT_MENTIONS = ['reverse_charge', 'export'] as const;
export type VatMention = (typeof VAT_MENTIONS)[number];

/** The legal mention a document of an order under `scheme` needs; null when VAT is charged. */
export function vatMentionOf(scheme: string | null | undefined): VatMention | null {
  return VAT_MENTIONS.find((m) => m === scheme) ?? null;
}

/** The mention an invoice must carry when no VAT is charged (Article 226(11)), in English. */
export const LEGAL_MENTIONS: Readonly<Partial<Record<VatScheme, string>>> = {
  reverse_charge:
    'Intra-Community supply of goods, exempt under Article 138 of Directive 2006/112/EC: VAT reverse charged, the customer accounts for the VAT.',
  export: 'Export of goods outside the EU, exempt under Article 146 of Directive 2006/112/EC.',
};

/** The legal mentions in each language a document (slip, e-mail) is printed in. */
export const LEGAL_MENTION_WORDS: Readonly<
  Record<'en' | 'nl' | 'de' | 'fr', Record<VatMention, string>>
> = {
  en: {
    reverse_charge: LEGAL_MENTIONS.reverse_charge ?? '',
    export: LEGAL_MENTIONS.export ?? '',
  },
  nl: {
    reverse_charge:
      'Intracommunautaire levering van goederen, vrijgesteld op grond van artikel 138 van Richtlijn 2006/112/EG: btw verlegd, de afnemer voldoet de btw.',
    export:
      'Uitvoer van goederen buiten de EU, vrijgesteld op grond van artikel 146 van Richtlijn 2006/112/EG.',
  },
  de: {
    reverse_charge:
      'Innergemeinschaftliche Lieferung von Waren, steuerfrei nach Artikel 138 der Richtlinie 2006/112/EG: Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge).',
    export: 'Ausfuhr von Waren aus der EU, steuerfrei nach Artikel 146 der Richtlinie 2006/112/EG.',
  },
  fr: {
    reverse_charge:
      "Livraison intracommunautaire de biens, exonérée en vertu de l'article 138 de la directive 2006/112/CE : autoliquidation, la TVA est due par le preneur.",
    export:
      "Exportation de biens hors de l'UE, exonérée en vertu de l'article 146 de la directive 2006/112/CE.",
  },
};
