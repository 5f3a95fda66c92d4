import type { MeasureUnit } from './scan-result';

/**
 * The application identifiers a packing station meets (GS1 General Specifications §3, "GS1
 * Application Identifiers"). GS1 keeps AIs prefix-free, so the first entry whose `ai` starts the
 * data is the one. An AI missing here is reported as unknown rather than guessed at.
 */
export interface AiDefinition {
  /** The AI, or for measures (310n …) its first three digits: the fourth digit n is the decimal position. */
  ai: string;
  label: string;
  /** N: digits only. X: GS1 AI encodable character set 82. */
  charset: 'N' | 'X';
  /** Fixed data length; variable-length AIs give `maxLength` and end at GS or end of data. */
  fixedLength?: number;
  maxLength?: number;
  /** GS1 key whose last digit is a mod-10 check digit (SSCC, GTIN, GLN, GSIN). */
  checkDigit?: boolean;
  /** YYMMDD date. */
  date?: boolean;
  measureUnit?: MeasureUnit;
  /** Data starts with an ISO 3166-1 numeric country code (N3). */
  countryCode?: boolean;
}

const fixedN = (
  ai: string,
  label: string,
  fixedLength: number,
  extra: Partial<AiDefinition> = {},
): AiDefinition => ({
  ai,
  label,
  charset: 'N',
  fixedLength,
  ...extra,
});
const varN = (ai: string, label: string, maxLength: number): AiDefinition => ({
  ai,
  label,
  charset: 'N',
  maxLength,
});
const varX = (
  ai: string,
  label: string,
  maxLength: number,
  extra: Partial<AiDefinition> = {},
): AiDefinition => ({
  ai,
  label,
  charset: 'X',
  maxLength,
  ...extra,
});
const key = { checkDigit: true };
const date = { date: true };

export const aiDefinitions: readonly AiDefinition[] = [
  fixedN('00', 'SSCC', 18, key),
  fixedN('01', 'GTIN', 14, key),
  fixedN('02', 'CONTENT', 14, key),
  varX('10', 'BATCH/LOT', 20),
  fixedN('11', 'PROD DATE', 6, date),
  fixedN('12', 'DUE DATE', 6, date),
  fixedN('13', 'PACK DATE', 6, date),
  fixedN('15', 'BEST BEFORE or BEST BY', 6, date),
  fixedN('16', 'SELL BY', 6, date),
  fixedN('17', 'USE BY OR EXPIRY', 6, date),
  fixedN('20', 'VARIANT', 2),
  varX('21', 'SERIAL', 20),
  varX('22', 'CPV', 20),
  varX('240', 'ADDITIONAL ID', 30),
  varX('241', 'CUST. PART No.', 30),
  varX('250', 'SECONDARY SERIAL', 30),
  varN('30', 'VAR. COUNT', 8),
  fixedN('310', 'NET WEIGHT (kg)', 6, { measureUnit: 'kg' }),
  fixedN('320', 'NET WEIGHT (lb)', 6, { measureUnit: 'lb' }),
  fixedN('330', 'GROSS WEIGHT (kg)', 6, { measureUnit: 'kg' }),
  fixedN('340', 'GROSS WEIGHT (lb)', 6, { measureUnit: 'lb' }),
  varN('37', 'COUNT', 8),
  varX('400', 'ORDER NUMBER', 30),
  varX('401', 'GINC', 30),
  fixedN('402', 'GSIN', 17, key),
  varX('403', 'ROUTE', 30),
  fixedN('410', 'SHIP TO LOC', 13, key),
  fixedN('411', 'BILL TO', 13, key),
  fixedN('412', 'PURCHASE FROM', 13, key),
  fixedN('413', 'SHIP FOR LOC', 13, key),
  fixedN('414', 'LOC No.', 13, key),
  fixedN('415', 'PAY TO', 13, key),
  fixedN('416', 'PROD/SERV LOC', 13, key),
  varX('420', 'SHIP TO POST', 20),
  varX('421', 'SHIP TO POST', 12, { countryCode: true }),
  fixedN('422', 'ORIGIN', 3, { countryCode: true }),
  fixedN('8005', 'PRICE PER UNIT', 6),
  varX('8020', 'REF No.', 25),
  varX('8200', 'PRODUCT URL', 70),
  varX('90', 'INTERNAL', 30),
  ...['91', '92', '93', '94', '95', '96', '97', '98', '99'].map((ai) => varX(ai, 'INTERNAL', 90)),
];

export type AiMatch = { ai: string; definition: AiDefinition; decimals?: number };

/**
 * Finds the AI at the start of `data`. For measures the fourth digit is part of the AI; a
 * decimal position above 5 is not one GS1 defines and is returned as `decimals` for the caller to refuse.
 */
export function matchAi(data: string): AiMatch | undefined {
  const definition = aiDefinitions.find((candidate) => data.startsWith(candidate.ai));
  if (definition === undefined) return undefined;
  if (definition.measureUnit === undefined) return { ai: definition.ai, definition };
  const decimalDigit = data.charAt(definition.ai.length);
  if (!/^\d$/.test(decimalDigit)) return undefined;
  return { ai: definition.ai + decimalDigit, definition, decimals: Number(decimalDigit) };
}

/** GS1 AI encodable character set 82 (GS1 General Specifications §7.11). */
export const characterSet82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;
