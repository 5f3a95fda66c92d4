import { hasValidGs1CheckDigit } from '../gs1/check-digit';
import { characterSet82, matchAi, type AiMatch } from './gs1-ai-table';
import { parseGs1Date } from './gs1-date';
import { checkDigitError } from './gtin';
import type { Gs1Element, ScanError } from './scan-result';

/** ASCII 29, the group separator that stands for FNC1 between elements in transmitted data. */
export const GS = '\x1d';

export type ElementStringParse = { ok: true; elements: Gs1Element[] } | ({ ok: false } & ScanError);

const fail = (code: ScanError['code'], message: string): ElementStringParse => ({
  ok: false,
  code,
  message,
});

/** True when the text is written in the human-readable form, `(01)…(10)…`. */
export function isBracketedElementString(text: string): boolean {
  return /^\(\d{2,4}\)/.test(text);
}

/**
 * Parses transmitted GS1 data (symbology identifier already removed): fixed-length AIs take their
 * length, variable-length AIs end at GS or end of data. A GS after a fixed-length element is
 * tolerated, since encoders differ on whether they emit one.
 */
export function parseElementString(data: string, referenceYear: number): ElementStringParse {
  const elements: Gs1Element[] = [];
  let position = 0;
  while (position < data.length) {
    if (data[position] === GS) {
      position += 1;
      continue;
    }
    const rest = data.slice(position);
    const match = matchAi(rest);
    if (match === undefined) return unknownAi(rest);
    const start = match.ai.length;
    const fixed = match.definition.fixedLength;
    const separator = rest.indexOf(GS, start);
    const end = fixed !== undefined ? start + fixed : separator === -1 ? rest.length : separator;
    const value = rest.slice(start, end);
    if (fixed !== undefined && (value.length < fixed || value.includes(GS))) {
      return fail(
        'truncated',
        `AI (${match.ai}) needs ${fixed} characters, got "${value.split(GS)[0]}"`,
      );
    }
    const read = readElement(match, value, referenceYear);
    if (!read.ok) return read;
    elements.push(read.element);
    position += end;
  }
  return finish(elements);
}

/**
 * Parses the human-readable form `(01)09521234543213(10)ABC`. Spaces are dropped: they are not
 * GS1 data characters, and printed HRI often groups digits with them.
 */
export function parseBracketedElementString(
  text: string,
  referenceYear: number,
): ElementStringParse {
  const parts = text.replace(/\s+/g, '').split(/\((\d{2,4})\)/);
  if (parts[0] !== '' || parts.length < 3) {
    return fail('malformed-brackets', `Bracketed GS1 data must start with "(AI)", got "${text}"`);
  }
  const elements: Gs1Element[] = [];
  for (let index = 1; index < parts.length; index += 2) {
    const ai = parts[index] ?? '';
    const value = (parts[index + 1] ?? '').replaceAll(GS, '');
    const match = matchAi(ai);
    if (match === undefined || match.ai !== ai) return unknownAi(ai);
    const fixed = match.definition.fixedLength;
    if (fixed !== undefined && value.length < fixed) {
      return fail('truncated', `AI (${ai}) needs ${fixed} characters, got "${value}"`);
    }
    if (fixed !== undefined && value.length > fixed) {
      return fail('value-too-long', `AI (${ai}) takes ${fixed} characters, got "${value}"`);
    }
    const read = readElement(match, value, referenceYear);
    if (!read.ok) return read;
    elements.push(read.element);
  }
  return finish(elements);
}

type ElementRead = { ok: true; element: Gs1Element } | ({ ok: false } & ScanError);

function readElement(
  { ai, definition, decimals }: AiMatch,
  value: string,
  referenceYear: number,
): ElementRead {
  const fail = (code: ScanError['code'], message: string): ElementRead => ({
    ok: false,
    code,
    message,
  });
  const name = `AI (${ai}) ${definition.label}`;
  if (value === '') return fail('empty-value', `${name} has no data`);
  const charsetOk = definition.charset === 'N' ? /^\d+$/.test(value) : characterSet82.test(value);
  if (!charsetOk) {
    const allowed = definition.charset === 'N' ? 'digits only' : 'GS1 characters only';
    return fail('invalid-characters', `${name} takes ${allowed}, got "${value}"`);
  }
  if (definition.maxLength !== undefined && value.length > definition.maxLength) {
    return fail(
      'value-too-long',
      `${name} takes at most ${definition.maxLength} characters, got ${value.length}`,
    );
  }
  if (definition.checkDigit && !hasValidGs1CheckDigit(value)) {
    return { ok: false, ...checkDigitError(definition.label, value) };
  }
  const element: Gs1Element = { ai, label: definition.label, value };
  if (definition.date) {
    const parsed = parseGs1Date(value, referenceYear);
    if (!parsed.ok) return fail('invalid-date', `${name}: ${parsed.reason}`);
    element.date = parsed.date;
  }
  if (definition.measureUnit !== undefined && decimals !== undefined) {
    if (decimals > 5)
      return fail(
        'invalid-decimal-position',
        `${name}: decimal position ${decimals} is not defined`,
      );
    element.decimal = placeDecimalPoint(value, decimals);
    element.unit = definition.measureUnit;
  }
  if (definition.countryCode) {
    if (!/^\d{3}/.test(value))
      return fail('invalid-characters', `${name} must start with a 3-digit country code`);
    element.countryCode = value.slice(0, 3);
  }
  return { ok: true, element };
}

/** '000525' with 3 decimals is '0.525': exact text, no binary floating point in between. */
function placeDecimalPoint(digits: string, decimals: number): string {
  const whole = digits.slice(0, digits.length - decimals).replace(/^0+(?=\d)/, '') || '0';
  return decimals === 0 ? whole : `${whole}.${digits.slice(digits.length - decimals)}`;
}

function unknownAi(rest: string): ElementStringParse {
  const shown = rest.slice(0, 4).replaceAll(GS, '');
  return fail('unknown-ai', `No known GS1 application identifier at "${shown}"`);
}

/** The same AI twice with different data is contradictory (GS1 rules on duplicate AIs); refuse it. */
function finish(elements: Gs1Element[]): ElementStringParse {
  const seen = new Map<string, string>();
  for (const element of elements) {
    const earlier = seen.get(element.ai);
    if (earlier !== undefined && earlier !== element.value) {
      return fail(
        'conflicting-ai',
        `AI (${element.ai}) appears twice with different data: "${earlier}" and "${element.value}"`,
      );
    }
    seen.set(element.ai, element.value);
  }
  return { ok: true, elements };
}
