// The invoice as a UBL 2.1 Invoice following Peppol BIS Billing 3.0 (the EN 16931 CIUS Peppol
// and Belgian B2B e-invoicing use). Built with fast-xml-parser's XMLBuilder (already used for the
// carriers' XML). Amounts are the invoice's own, in minor units turned into decimals, so the
// document's totals are the invoice's to the cent: Σ lines = TaxExclusiveAmount, Σ TaxSubtotal =
// TaxAmount, exclusive + tax = TaxInclusiveAmount = PayableAmount.
import { XMLBuilder } from 'fast-xml-parser';
import { formatAmount } from '../../../shared/labels/label-format';
import type { VatCategory } from '../../../shared/tax';
import type { InvoiceLine, VatLine } from '../b2b-schema';
import type { CreditNoteDocument, InvoiceDocument } from './invoice-document';

export const PEPPOL_CUSTOMIZATION_ID =
  'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/**
 * The engine's categories in UBL (UNCL 5305). The engine's K (intra-Community supply of goods to
 * a business with a VAT number: the buyer accounts for the VAT) is EN 16931's K with VATEX-EU-IC
 * (BR-IC-*: both VAT numbers, the delivery date and country, which the document carries); AE is
 * for domestic reverse charge, which the engine does not decide. Exports G, not subject O and
 * exempt E carry their VATEX reasons too.
 */
const UBL_CATEGORY: Record<VatCategory, string> = {
  S: 'S',
  Z: 'Z',
  E: 'E',
  K: 'K',
  G: 'G',
  O: 'O',
};
const EXEMPTION: Partial<Record<string, { code: string; reason: string }>> = {
  K: { code: 'vatex-eu-ic', reason: 'Intra-Community supply' },
  G: { code: 'vatex-eu-g', reason: 'Export outside the EU' },
  E: {
    code: 'vatex-eu-132',
    reason: 'Exempt based on article 132 of Council Directive 2006/112/EC',
  },
  O: { code: 'vatex-eu-o', reason: 'Not subject to VAT' },
};

/** Peppol electronic address schemes (EAS) of a company identified by its VAT number. */
const VAT_EAS: Record<string, string> = {
  BE: '9925',
  NL: '9944',
  DE: '9930',
  FR: '9957',
  IT: '0211',
  ES: '9920',
  AT: '9914',
  LU: '9938',
};

// The currency's own minor unit (ISO 4217): JPY 1234 → "1234", KWD 1234 → "1.234".
const amount = (minor: number, currency: string) => ({
  '#text': formatAmount(minor, currency),
  '@_currencyID': currency,
});
const percent = (rate: number) => String(Number(rate.toFixed(2)));

function categoryOf(row: { category?: VatCategory | undefined; reverseCharge?: boolean }) {
  return UBL_CATEGORY[row.category ?? (row.reverseCharge ? 'K' : 'S')];
}

function taxCategory(category: string, ratePercent: number, withReason: boolean) {
  const exemption = withReason ? EXEMPTION[category] : undefined;
  return {
    'cbc:ID': category,
    'cbc:Percent': percent(ratePercent),
    ...(exemption
      ? { 'cbc:TaxExemptionReasonCode': exemption.code, 'cbc:TaxExemptionReason': exemption.reason }
      : {}),
    'cac:TaxScheme': { 'cbc:ID': 'VAT' },
  };
}

function address(a: {
  line1: string;
  line2?: string | undefined;
  city: string;
  postalCode: string;
  country: string;
}) {
  return {
    'cbc:StreetName': a.line1,
    ...(a.line2 ? { 'cbc:AdditionalStreetName': a.line2 } : {}),
    'cbc:CityName': a.city,
    'cbc:PostalZone': a.postalCode,
    'cac:Country': { 'cbc:IdentificationCode': a.country },
  };
}

function buyerEndpoint(doc: InvoiceDocument) {
  const vat = doc.buyer.vatNumber;
  const scheme = vat ? VAT_EAS[vat.slice(0, 2)] : undefined;
  if (vat && scheme) return { '#text': vat, '@_schemeID': scheme };
  return { '#text': doc.buyer.email ?? doc.seller.email, '@_schemeID': 'EM' };
}

function invoiceLine(line: InvoiceLine, i: number, currency: string, credit: boolean) {
  const gross = line.unitPriceMinor * line.quantity;
  const allowance = gross - line.netMinor;
  const quantity = { '#text': String(line.quantity), '@_unitCode': 'C62' };
  return {
    'cbc:ID': String(i + 1),
    ...(credit ? { 'cbc:CreditedQuantity': quantity } : { 'cbc:InvoicedQuantity': quantity }),
    'cbc:LineExtensionAmount': amount(line.netMinor, currency),
    ...(allowance > 0
      ? {
          'cac:AllowanceCharge': {
            'cbc:ChargeIndicator': 'false',
            'cbc:AllowanceChargeReasonCode': '95',
            'cbc:AllowanceChargeReason': 'Discount',
            'cbc:Amount': amount(allowance, currency),
          },
        }
      : {}),
    'cac:Item': {
      'cbc:Name': line.name,
      'cac:SellersItemIdentification': { 'cbc:ID': line.sku },
      'cac:ClassifiedTaxCategory': taxCategory(
        UBL_CATEGORY[line.vatCategory ?? 'S'],
        line.vatRatePercent ?? 0,
        false,
      ),
    },
    'cac:Price': { 'cbc:PriceAmount': amount(line.unitPriceMinor, currency) },
  };
}

function taxSubtotal(row: VatLine, currency: string) {
  return {
    'cbc:TaxableAmount': amount(row.netMinor, currency),
    'cbc:TaxAmount': amount(row.taxMinor, currency),
    'cac:TaxCategory': taxCategory(categoryOf(row), row.ratePercent, true),
  };
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
});

export function renderInvoiceUbl(doc: InvoiceDocument): string {
  return renderUbl(doc, null);
}

/**
 * The credit note as a UBL 2.1 CreditNote (Peppol BIS Billing 3.0): type 381, the invoice it
 * credits in BillingReference (BT-25, BT-26), CreditNoteLine with CreditedQuantity, positive
 * amounts (the document type says they are credited), no due date nor payment means.
 */
export function renderCreditNoteUbl(doc: CreditNoteDocument): string {
  return renderUbl(doc, doc);
}

function renderUbl(doc: InvoiceDocument, credit: CreditNoteDocument | null): string {
  const { currency, seller } = doc;
  const lineTotal = doc.lines.reduce((s, l) => s + l.netMinor, 0);
  const invoice = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [credit ? 'CreditNote' : 'Invoice']: {
      '@_xmlns': credit
        ? 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2'
        : 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
      '@_xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
      '@_xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
      'cbc:CustomizationID': PEPPOL_CUSTOMIZATION_ID,
      'cbc:ProfileID': PEPPOL_PROFILE_ID,
      'cbc:ID': doc.number,
      'cbc:IssueDate': doc.issuedOn,
      ...(credit ? { 'cbc:CreditNoteTypeCode': '381' } : { 'cbc:DueDate': doc.dueOn }),
      ...(credit ? {} : { 'cbc:InvoiceTypeCode': '380' }),
      ...(doc.legalMention ? { 'cbc:Note': doc.legalMention } : {}),
      'cbc:DocumentCurrencyCode': currency,
      // Peppol needs a buyer reference or an order reference (PEPPOL-EN16931-R003): both are given.
      'cbc:BuyerReference': doc.poNumber ?? doc.orderReference,
      'cac:OrderReference': { 'cbc:ID': doc.poNumber ?? doc.orderReference },
      ...(credit
        ? {
            'cac:BillingReference': {
              'cac:InvoiceDocumentReference': {
                'cbc:ID': credit.invoiceNumber,
                'cbc:IssueDate': credit.invoiceIssuedOn,
              },
            },
          }
        : {}),
      'cac:AccountingSupplierParty': {
        'cac:Party': {
          'cbc:EndpointID': { '#text': seller.peppolId, '@_schemeID': seller.peppolScheme },
          'cac:PartyName': { 'cbc:Name': seller.legalName },
          'cac:PostalAddress': address({
            line1: seller.street,
            city: seller.city,
            postalCode: seller.postalCode,
            country: seller.country,
          }),
          'cac:PartyTaxScheme': {
            'cbc:CompanyID': seller.vatNumber,
            'cac:TaxScheme': { 'cbc:ID': 'VAT' },
          },
          'cac:PartyLegalEntity': {
            'cbc:RegistrationName': seller.legalName,
            'cbc:CompanyID': seller.companyId,
          },
          'cac:Contact': { 'cbc:ElectronicMail': seller.email },
        },
      },
      'cac:AccountingCustomerParty': {
        'cac:Party': {
          'cbc:EndpointID': buyerEndpoint(doc),
          'cac:PartyName': { 'cbc:Name': doc.buyer.legalName },
          'cac:PostalAddress': address(doc.buyer.billingAddress),
          ...(doc.buyer.vatNumber
            ? {
                'cac:PartyTaxScheme': {
                  'cbc:CompanyID': doc.buyer.vatNumber,
                  'cac:TaxScheme': { 'cbc:ID': 'VAT' },
                },
              }
            : {}),
          'cac:PartyLegalEntity': { 'cbc:RegistrationName': doc.buyer.legalName },
        },
      },
      'cac:Delivery': {
        'cbc:ActualDeliveryDate': credit ? credit.invoiceIssuedOn : doc.issuedOn,
        'cac:DeliveryLocation': { 'cac:Address': address(doc.deliverTo) },
      },
      ...(seller.iban && !credit
        ? {
            'cac:PaymentMeans': {
              'cbc:PaymentMeansCode': '58',
              'cbc:PaymentID': doc.number,
              'cac:PayeeFinancialAccount': { 'cbc:ID': seller.iban },
            },
          }
        : {}),
      ...(credit ? {} : { 'cac:PaymentTerms': { 'cbc:Note': paymentTermsNote(doc) } }),
      'cac:TaxTotal': {
        'cbc:TaxAmount': amount(doc.taxMinor, currency),
        'cac:TaxSubtotal': doc.vat.map((row) => taxSubtotal(row, currency)),
      },
      'cac:LegalMonetaryTotal': {
        'cbc:LineExtensionAmount': amount(lineTotal, currency),
        'cbc:TaxExclusiveAmount': amount(doc.netMinor, currency),
        'cbc:TaxInclusiveAmount': amount(doc.totalMinor, currency),
        'cbc:PayableAmount': amount(doc.totalMinor, currency),
      },
      [credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine']: doc.lines.map((line, i) =>
        invoiceLine(line, i, currency, credit !== null),
      ),
    },
  };
  return builder.build(invoice) as string;
}

export function paymentTermsNote(doc: InvoiceDocument): string {
  const { kind, days } = doc.paymentTerms;
  const due = `due ${doc.dueOn}`;
  if (kind === 'net') return `Net ${days} days, ${due}`;
  if (kind === 'end_of_month') return `End of month + ${days} days, ${due}`;
  if (kind === 'at_shipment') return `Due at shipment, ${due}`;
  return `Prepaid`;
}
