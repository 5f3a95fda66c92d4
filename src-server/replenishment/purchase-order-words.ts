// Every word the purchase order e-mail and its PDF say to the supplier, per language. A function
// takes what it interpolates; the completeness test (test/unit/i18n-completeness.test.ts) holds
// the four languages to the same words.
import type { EmailLocale } from '../notifications/email/email-words';

export interface PurchaseOrderWords {
  subject(number: string): string;
  heading(number: string, supplier: string): string;
  /** `by` is empty without an expected date, else the date phrase from `deliverBy`. */
  deliver(warehouse: string, by: string, number: string): string;
  deliverBy(date: string): string;
  total: string;
  attached: string;
  pdf: {
    title(number: string): string;
    supplier: string;
    deliverTo: string;
    columns: string;
  };
}

const en: PurchaseOrderWords = {
  subject: (number) => `Purchase order ${number}`,
  heading: (number, supplier) => `Purchase order ${number} for ${supplier}`,
  deliver: (warehouse, by, number) =>
    `Please deliver to warehouse ${warehouse}${by}. Quote ${number} on the delivery note.`,
  deliverBy: (date) => ` by ${date}`,
  total: 'Total',
  attached: 'The order is attached as a PDF.',
  pdf: {
    title: (number) => `Purchase order ${number}`,
    supplier: 'Supplier',
    deliverTo: 'Deliver to',
    columns: 'SKU / Quantity / Unit cost',
  },
};

const nl: PurchaseOrderWords = {
  subject: (number) => `Inkooporder ${number}`,
  heading: (number, supplier) => `Inkooporder ${number} voor ${supplier}`,
  deliver: (warehouse, by, number) =>
    `Graag leveren aan magazijn ${warehouse}${by}. Vermeld ${number} op de pakbon.`,
  deliverBy: (date) => ` uiterlijk ${date}`,
  total: 'Totaal',
  attached: 'De PDF van de order is bijgevoegd.',
  pdf: {
    title: (number) => `Inkooporder ${number}`,
    supplier: 'Leverancier',
    deliverTo: 'Leveren aan',
    columns: 'SKU / Aantal / Prijs per stuk',
  },
};

const de: PurchaseOrderWords = {
  subject: (number) => `Bestellung ${number}`,
  heading: (number, supplier) => `Bestellung ${number} an ${supplier}`,
  deliver: (warehouse, by, number) =>
    `Bitte liefern Sie an das Lager ${warehouse}${by}. Bitte geben Sie ${number} auf dem Lieferschein an.`,
  deliverBy: (date) => ` bis spätestens ${date}`,
  total: 'Gesamtbetrag',
  attached: 'Die Bestellung finden Sie als PDF im Anhang.',
  pdf: {
    title: (number) => `Bestellung ${number}`,
    supplier: 'Lieferant',
    deliverTo: 'Lieferadresse',
    columns: 'Artikelnummer / Menge / Einzelpreis',
  },
};

const fr: PurchaseOrderWords = {
  subject: (number) => `Bon de commande ${number}`,
  heading: (number, supplier) => `Bon de commande ${number} pour ${supplier}`,
  deliver: (warehouse, by, number) =>
    `Merci de livrer à l’entrepôt ${warehouse}${by}. Veuillez indiquer ${number} sur le bon de livraison.`,
  deliverBy: (date) => ` au plus tard le ${date}`,
  total: 'Total',
  attached: 'Le bon de commande est joint en PDF.',
  pdf: {
    title: (number) => `Bon de commande ${number}`,
    supplier: 'Fournisseur',
    deliverTo: 'Livrer à',
    columns: 'Référence / Quantité / Prix unitaire',
  },
};

export const PURCHASE_ORDER_WORDS: Record<EmailLocale, PurchaseOrderWords> = { en, nl, de, fr };
