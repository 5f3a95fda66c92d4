export { classifyScan, scannedGtin, scannedText } from './classify-scan';
export {
  gs1SymbologyIdentifiers,
  plainSymbologyIdentifiers,
  readSymbologyIdentifier,
  type IdentifiedData,
} from './symbology-identifiers';
export { parseGtin, type GtinParse } from './gtin';
export { parseGs1Date, resolveGs1Year } from './gs1-date';
export {
  GS,
  parseElementString,
  parseBracketedElementString,
  type ElementStringParse,
} from './gs1-element-string';
export { aiDefinitions, type AiDefinition } from './gs1-ai-table';
export {
  commandPrefix,
  parseStationCode,
  stationCode,
  stationCodePrefixes,
  stationCodeValueSchema,
  stationCommandSchema,
} from './station-codes';
export * from './scan-result';
