// The VAT engine: where tax is decided. See vat-engine.ts for the order of decisions.
export { decideVat, breakdownOf } from './vat-engine';
export type {
  TaxRounding,
  TaxedPart,
  VatBreakdownRow,
  VatCategory,
  VatDecision,
  VatLineInput,
  VatOrderInput,
} from './vat-engine';
export {
  OSS_THRESHOLD_EUR_MINOR,
  decideScheme,
  ossThresholdPassed,
  LEGAL_MENTIONS,
  LEGAL_MENTION_WORDS,
  VAT_MENTIONS,
  vatMentionOf,
} from './vat-scheme';
export type { OssPosition, VatCustomer, VatMention, VatScheme } from './vat-scheme';
export { TAX_CLASSES, UnknownVatRateError, vatRatePpm } from './vat-rate-lookup';
export type { TaxClass } from './vat-rate-lookup';
export { checkChannelTax } from './channel-tax-check';
export type { ChannelTaxCheck, ChannelTaxPart, TaxDifference } from './channel-tax-check';
export { VAT_RATES_AS_OF } from './vat-rates';
