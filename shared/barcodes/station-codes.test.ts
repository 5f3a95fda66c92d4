import { describe, expect, it } from 'vitest';
import { parseStationCode, stationCode } from './station-codes';

describe('station codes', () => {
  it.each([
    ['bin', 'NL1-A-01-03', 'B:NL1-A-01-03'],
    ['tote', 'TOTE-0042', 'T:TOTE-0042'],
    ['fulfillment', 'FO-2024-000123', 'F:FO-2024-000123'],
    ['operator', 'OP-0007', 'U:OP-0007'],
    ['box', 'S-30X20X10', 'BOX:S-30X20X10'],
    ['rma', 'R-2024-00017', 'RMA:R-2024-00017'],
  ] as const)('encodes a %s %s as %s and reads it back', (kind, code, text) => {
    expect(stationCode(kind, code)).toBe(text);
    expect(parseStationCode(text)).toEqual({ kind, code });
  });

  it('encodes commands and reads them back', () => {
    expect(stationCode('command', 'NEXT-CARTON')).toBe('CMD:NEXT-CARTON');
    expect(parseStationCode('CMD:NEXT-CARTON')).toEqual({
      kind: 'command',
      command: 'NEXT-CARTON',
    });
  });

  it('reads a code typed with Caps Lock on as the same code', () => {
    expect(parseStationCode('b:nl1-a-01-03')).toEqual({ kind: 'bin', code: 'NL1-A-01-03' });
    expect(parseStationCode('cmd:Short')).toEqual({ kind: 'command', command: 'SHORT' });
  });

  it.each(['nl1-a-01-03', 'NL1_A', 'NL1 A', 'NL1--A', '-NL1', 'NL1-', '', 'A'.repeat(41), 'ÉTAGE'])(
    'refuses to encode the bin code "%s", which would not read back identically',
    (code) => {
      expect(() => stationCode('bin', code)).toThrow(/bin code must/);
    },
  );

  it('refuses to encode a command that does not exist', () => {
    expect(() => stationCode('command', 'LAUNCH' as 'DONE')).toThrow(/command/);
  });

  it.each([
    ['B:NL1_A', 'invalid-station-code'],
    ['T:', 'invalid-station-code'],
    ['F:FO 12', 'invalid-station-code'],
    ['B:STRAßE', 'invalid-station-code'],
    ['CMD:LAUNCH', 'unknown-command'],
  ])('reports "%s" as an invalid station code (%s)', (text, code) => {
    expect(parseStationCode(text)).toMatchObject({ kind: 'invalid', code });
  });

  it('names the kind and the rule in the message', () => {
    expect(parseStationCode('B:NL1_A')).toMatchObject({
      message:
        'bin code must be uppercase letters and digits, groups joined by single hyphens, got "NL1_A"',
    });
  });

  it.each(['X:ABC', 'BMNL1', 'HELLO', 'BOXES:1', '0109521234543213'])(
    'leaves "%s" to other readings',
    (text) => {
      expect(parseStationCode(text)).toBeUndefined();
    },
  );
});
