// Who issues the invoices: the seller's legal data as the invoice PDF and the UBL (Peppol BIS
// Billing 3.0) carry it, from SELLER_* variables. The defaults are the demo retailer's.
import { normalizeVatNumber, vatNumberProblem } from '../../../shared/validation/vat-numbers';

export interface SellerConfig {
  legalName: string;
  vatNumber: string;
  /** The chamber of commerce number (legal registration), e.g. a Dutch KvK number. */
  companyId: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  email: string;
  iban: string | null;
  /** The seller's Peppol participant: EAS scheme (0106 KvK, 9944 NL VAT …) and identifier. */
  peppolScheme: string;
  peppolId: string;
}

export function loadSellerConfig(env: NodeJS.ProcessEnv, vatOriginCountry: string): SellerConfig {
  const country = env.SELLER_COUNTRY || vatOriginCountry;
  if (!/^[A-Z]{2}$/.test(country)) throw new Error(`SELLER_COUNTRY is not valid: "${country}"`);
  const rawVat = env.SELLER_VAT_NUMBER || 'NL004495445B01';
  const problem = vatNumberProblem(rawVat, country);
  if (problem !== null) throw new Error(`SELLER_VAT_NUMBER ${problem}: "${rawVat}"`);
  const vatNumber = normalizeVatNumber(rawVat, country);
  const iban = (env.SELLER_IBAN ?? 'NL91ABNA0417164300').replace(/\s/g, '');
  if (iban !== '' && !/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban))
    throw new Error(`SELLER_IBAN is not valid: "${env.SELLER_IBAN}"`);
  const companyId = env.SELLER_COMPANY_ID || '12345678';
  const peppol = env.SELLER_PEPPOL_ID || `0106:${companyId}`;
  const match = /^(\d{4}):(\S+)$/.exec(peppol);
  if (!match) throw new Error(`SELLER_PEPPOL_ID is not "scheme:identifier": "${peppol}"`);
  return {
    legalName: env.SELLER_LEGAL_NAME || 'Demo Retail B.V.',
    vatNumber,
    companyId,
    street: env.SELLER_STREET || 'Ringbaan-West 1',
    postalCode: env.SELLER_POSTAL_CODE || '5041 AB',
    city: env.SELLER_CITY || 'Tilburg',
    country,
    email: env.SELLER_EMAIL || 'invoices@retailer.example',
    iban: iban === '' ? null : iban,
    peppolScheme: match[1]!,
    peppolId: match[2]!,
  };
}
