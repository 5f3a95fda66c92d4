import { z } from 'zod';
import {
  stationCommands,
  type CommandScan,
  type InvalidScan,
  type StationCodeKind,
  type StationCodeScan,
  type StationCommand,
} from './scan-result';

/** Label prefixes; README.md explains why they look like this. */
export const stationCodePrefixes = {
  bin: 'B',
  tote: 'T',
  fulfillment: 'F',
  operator: 'U',
  box: 'BOX',
  rma: 'RMA',
} as const satisfies Record<StationCodeKind, string>;

export const commandPrefix = 'CMD';

const kindByPrefix = new Map<string, StationCodeKind>(
  Object.entries(stationCodePrefixes).map(([kind, prefix]) => [prefix, kind as StationCodeKind]),
);

export const stationCodeMaxLength = 40;

/** Uppercase letters and digits in groups joined by single hyphens: NL1-A-01-03, FO-2024-000123. */
export const stationCodeValueSchema = z
  .string()
  .max(stationCodeMaxLength, `code must be at most ${stationCodeMaxLength} characters`)
  .regex(
    /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/,
    'code must be uppercase letters and digits, groups joined by single hyphens',
  );

export const stationCommandSchema = z.enum(stationCommands);

export type StationCodeParse = StationCodeScan | CommandScan | InvalidScan;

/**
 * Reads `PREFIX:CODE`. Letters are read case-insensitively because Caps Lock on the station
 * inverts the case a keyboard-wedge scanner types. Returns undefined when the text does not
 * carry one of our prefixes, so the caller can try other readings.
 */
export function parseStationCode(text: string): StationCodeParse | undefined {
  const shape = /^([A-Za-z]{1,3}):(.*)$/s.exec(text);
  if (shape === null) return undefined;
  const prefix = asciiUpperCase(shape[1] ?? '');
  const value = asciiUpperCase(shape[2] ?? '');
  if (prefix === commandPrefix) {
    const command = stationCommandSchema.safeParse(value);
    return command.success
      ? { kind: 'command', command: command.data }
      : {
          kind: 'invalid',
          code: 'unknown-command',
          message: `"${value}" is not a station command`,
        };
  }
  const kind = kindByPrefix.get(prefix);
  if (kind === undefined) return undefined;
  const code = stationCodeValueSchema.safeParse(value);
  if (!code.success) {
    const reason = code.error.issues[0]?.message ?? 'code is not valid';
    return {
      kind: 'invalid',
      code: 'invalid-station-code',
      message: `${kind} ${reason}, got "${value}"`,
    };
  }
  return { kind, code: code.data };
}

/**
 * The text to print in a Code 128 label for one of the station's own codes. Refuses (throws) a
 * code that would not read back identically, since printing it would make a label nobody can use.
 */
export function stationCode(kind: 'command', command: StationCommand): string;
export function stationCode(kind: StationCodeKind, code: string): string;
export function stationCode(kind: StationCodeKind | 'command', value: string): string {
  const schema = kind === 'command' ? stationCommandSchema : stationCodeValueSchema;
  const checked = schema.safeParse(value);
  if (!checked.success) {
    throw new Error(
      `${kind} ${checked.error.issues[0]?.message ?? 'code is not valid'}, got "${value}"`,
    );
  }
  return `${kind === 'command' ? commandPrefix : stationCodePrefixes[kind]}:${checked.data}`;
}

// Folds only a–z: full Unicode upper-casing would turn 'ß' into a valid-looking 'SS'.
function asciiUpperCase(text: string): string {
  return text.replace(/[a-z]/g, (letter) => letter.toUpperCase());
}
