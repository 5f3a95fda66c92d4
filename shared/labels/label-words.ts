// Every fixed word the label templates print, in each language a station speaks. A template is
// given the station's locale and takes its words from here; English is the default, and its
// words are exactly what the templates printed before they spoke Dutch.
import { z } from 'zod';
import { LEGAL_MENTION_WORDS } from '../tax/legal-mentions';
import type { VatMention } from '../tax/legal-mentions';
import type { Cn22Category } from './label-data';
import { de } from './label-words-de';
import { fr } from './label-words-fr';

export const labelLocaleSchema = z.enum(['en', 'nl', 'de', 'fr']);
export type LabelLocale = z.infer<typeof labelLocaleSchema>;

/** The label language for a UI language tag: "nl", "nl-BE" → nl, "de-AT" → de; others → en. */
export function labelLocale(language: string | null | undefined): LabelLocale {
  const tag = language?.toLowerCase() ?? '';
  return labelLocaleSchema.options.find((l) => tag.startsWith(l)) ?? 'en';
}

type Grade = 'A' | 'B' | 'C' | 'D';
type Disposition = 'restock' | 'quarantine' | 'scrap' | 'return_to_vendor';

export interface LabelWords {
  /** The decimal separator of weights and amounts. */
  decimal: string;
  from: string;
  to: string;
  carton(index: number, count: number): string;
  order(orderNumber: string): string;
  po(poNumber: string): string;
  tracking: string;
  packingSlip: string;
  page(index: number, count: number): string;
  dated(date: string): string;
  shipTo: string;
  quantityShort: string;
  skuAndItem: string;
  totals(lines: number, units: number): string;
  pdf: {
    title: string;
    page(index: number, count: number): string;
    orderDate(date: string): string;
    shipFrom: string;
    shipTo: string;
    sku: string;
    item: string;
    quantity: string;
  };
  /** The money on a packing slip: column heads and the totals' labels. */
  money: {
    amountHead(currency: string): string;
    amountHeadShort(currency: string): string;
    vatHead: string;
    subtotal: string;
    discount: string;
    shipping: string;
    vat: string;
    total: string;
    inclVat: string;
    /** The VAT breakdown's column heads. */
    breakdown: { rate: string; net: string; vat: string; gross: string };
  };
  /** Why an order carries no VAT, as the law wants it said (Directive 2006/112/EC). */
  vatMention: Record<VatMention, string>;
  returnTitle: string;
  returnTo: string;
  intake: {
    returned(date: string): string;
    noRma: string;
    item: string;
    grade: string;
    note: string;
    grades: Record<Grade, string>;
    dispositions: Record<Disposition, string>;
    wrongItem: string;
    extra: string;
  };
  cn22: {
    title: string;
    mayBeOpened: string;
    operator(name: string): string;
    categories: Record<Cn22Category, string>;
    explanation(text: string): string;
    description: string;
    weight: string;
    value(currency: string): string;
    tariffAndOrigin(hsCode: string, country: string): string;
    totalWeight(weight: string): string;
    totalValue(value: string): string;
    fromParty(text: string): string;
    toParty(text: string): string;
    declaration: string;
    signature(date: string): string;
  };
}

const en: LabelWords = {
  decimal: '.',
  money: {
    amountHead: (currency) => `Amount ${currency}`,
    amountHeadShort: (currency) => `AMOUNT ${currency}`,
    vatHead: 'VAT',
    subtotal: 'Subtotal',
    discount: 'Discount',
    shipping: 'Shipping',
    vat: 'VAT',
    total: 'Total',
    inclVat: 'incl. VAT',
    breakdown: { rate: 'VAT rate', net: 'Net', vat: 'VAT', gross: 'Gross' },
  },
  vatMention: LEGAL_MENTION_WORDS.en,
  from: 'FROM',
  to: 'TO',
  carton: (index, count) => `Carton ${index} of ${count}`,
  order: (orderNumber) => `Order ${orderNumber}`,
  po: (poNumber) => `PO ${poNumber}`,
  tracking: 'TRACKING',
  packingSlip: 'PACKING SLIP',
  page: (index, count) => `Page ${index}/${count}`,
  dated: (date) => `Date ${date}`,
  shipTo: 'SHIP TO',
  quantityShort: 'QTY',
  skuAndItem: 'SKU / ITEM',
  totals: (lines, units) => `${lines} lines, ${units} units`,
  pdf: {
    title: 'Packing slip',
    page: (index, count) => `Page ${index} of ${count}`,
    orderDate: (date) => `Order date ${date}`,
    shipFrom: 'Ship from',
    shipTo: 'Ship to',
    sku: 'SKU',
    item: 'Item',
    quantity: 'Qty',
  },
  returnTitle: 'RETURN',
  returnTo: 'RETURN TO',
  intake: {
    returned: (date) => `Returned ${date}`,
    noRma: 'NO RMA - CUSTOMER SERVICE',
    item: 'ITEM',
    grade: 'GRADE',
    note: 'NOTE',
    grades: { A: 'RESELLABLE', B: 'OPEN BOX', C: 'DAMAGED', D: 'MISSING PARTS' },
    dispositions: {
      restock: 'RESTOCK',
      quarantine: 'QUARANTINE',
      scrap: 'SCRAP',
      return_to_vendor: 'RETURN TO VENDOR',
    },
    wrongItem: 'WRONG ITEM - NOT ON RMA',
    extra: 'EXTRA - MORE THAN AUTHORISED',
  },
  cn22: {
    title: 'CUSTOMS DECLARATION  CN 22',
    mayBeOpened: 'May be opened officially',
    operator: (name) => `Designated operator: ${name}`,
    categories: {
      gift: 'Gift',
      'commercial-sample': 'Commercial sample',
      documents: 'Documents',
      'returned-goods': 'Returned goods',
      'sale-of-goods': 'Sale of goods',
      other: 'Other',
    },
    explanation: (text) => `Explanation: ${text}`,
    description: 'Quantity and detailed description',
    weight: 'Weight (kg)',
    value: (currency) => `Value (${currency})`,
    tariffAndOrigin: (hsCode, country) => `HS tariff no. ${hsCode}   Origin ${country}`,
    totalWeight: (weight) => `Total gross weight: ${weight}`,
    totalValue: (value) => `Total value: ${value}`,
    fromParty: (text) => `From: ${text}`,
    toParty: (text) => `To: ${text}`,
    declaration:
      'I, the undersigned, whose name and address are given on the item, certify that the particulars given in this ' +
      'declaration are correct and that this item does not contain any dangerous article or articles prohibited by ' +
      'legislation or by postal or customs regulations.',
    signature: (date) => `Date and sender's signature: ${date}`,
  },
};

const nl: LabelWords = {
  decimal: ',',
  money: {
    amountHead: (currency) => `Bedrag ${currency}`,
    amountHeadShort: (currency) => `BEDRAG ${currency}`,
    vatHead: 'Btw',
    subtotal: 'Subtotaal',
    discount: 'Korting',
    shipping: 'Verzending',
    vat: 'Btw',
    total: 'Totaal',
    inclVat: 'incl. btw',
    breakdown: { rate: 'Btw-tarief', net: 'Netto', vat: 'Btw', gross: 'Bruto' },
  },
  vatMention: LEGAL_MENTION_WORDS.nl,
  from: 'VAN',
  to: 'AAN',
  carton: (index, count) => `Colli ${index} van ${count}`,
  order: (orderNumber) => `Order ${orderNumber}`,
  po: (poNumber) => `Inkoopnr. ${poNumber}`,
  tracking: 'TRACK & TRACE',
  packingSlip: 'PAKBON',
  page: (index, count) => `Pagina ${index}/${count}`,
  dated: (date) => `Datum ${date}`,
  shipTo: 'AFLEVERADRES',
  quantityShort: 'AANT.',
  skuAndItem: 'SKU / ARTIKEL',
  totals: (lines, units) => `${lines} regels, ${units} stuks`,
  pdf: {
    title: 'Pakbon',
    page: (index, count) => `Pagina ${index} van ${count}`,
    orderDate: (date) => `Besteldatum ${date}`,
    shipFrom: 'Afzender',
    shipTo: 'Afleveradres',
    sku: 'SKU',
    item: 'Artikel',
    quantity: 'Aantal',
  },
  returnTitle: 'RETOUR',
  returnTo: 'RETOUR NAAR',
  intake: {
    returned: (date) => `Retour ontvangen ${date}`,
    noRma: 'GEEN RMA - KLANTENSERVICE',
    item: 'ARTIKEL',
    grade: 'KWALITEIT',
    note: 'NOTITIE',
    grades: { A: 'VERKOOPBAAR', B: 'OPEN VERPAKKING', C: 'BESCHADIGD', D: 'ONVOLLEDIG' },
    dispositions: {
      restock: 'TERUG OP VOORRAAD',
      quarantine: 'QUARANTAINE',
      scrap: 'AFVOEREN',
      return_to_vendor: 'TERUG NAAR LEVERANCIER',
    },
    wrongItem: 'VERKEERD ARTIKEL - NIET OP RMA',
    extra: 'EXTRA - MEER DAN TOEGESTAAN',
  },
  cn22: {
    title: 'DOUANEVERKLARING  CN 22',
    mayBeOpened: 'Mag ambtshalve worden geopend',
    operator: (name) => `Aangewezen vervoerder: ${name}`,
    categories: {
      gift: 'Geschenk',
      'commercial-sample': 'Handelsmonster',
      documents: 'Documenten',
      'returned-goods': 'Retourgoederen',
      'sale-of-goods': 'Verkoop van goederen',
      other: 'Anders',
    },
    explanation: (text) => `Toelichting: ${text}`,
    description: 'Aantal en gedetailleerde omschrijving',
    weight: 'Gewicht (kg)',
    value: (currency) => `Waarde (${currency})`,
    tariffAndOrigin: (hsCode, country) => `GS-tariefnr. ${hsCode}   Oorsprong ${country}`,
    totalWeight: (weight) => `Totaal brutogewicht: ${weight}`,
    totalValue: (value) => `Totale waarde: ${value}`,
    fromParty: (text) => `Van: ${text}`,
    toParty: (text) => `Aan: ${text}`,
    declaration:
      'Ondergetekende, wiens naam en adres op de zending staan, verklaart dat de gegevens in deze aangifte juist zijn ' +
      'en dat deze zending geen gevaarlijke voorwerpen bevat of voorwerpen die volgens de wet of de post- of ' +
      'douanevoorschriften verboden zijn.',
    signature: (date) => `Datum en handtekening afzender: ${date}`,
  },
};

export const LABEL_WORDS: Record<LabelLocale, LabelWords> = { en, nl, de, fr };
