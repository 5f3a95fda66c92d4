import { z } from 'zod';

/**
 * Tells a keyboard-wedge scanner's burst from a person typing. Pure logic: no DOM, no timers.
 *
 * Contract for the UI wiring:
 * - Push every keydown: `push({ key: event.key, time: event.timeStamp, ctrl: event.ctrlKey, alt: event.altKey })`.
 *   `time` is in ms on one monotonic clock shared with `flush(now)` (event.timeStamp and
 *   performance.now() are).
 * - `hold: true` means the UI must preventDefault() that key: the detector now owns it. Every held
 *   key comes back exactly once, in order: inside a `scan` value, or in a `typing` output.
 * - Apply `outputs` in order, and before the key's default action when `hold` is false. For
 *   `typing`, insert the keys where focus is, as if typed. So a burst never leaks into a field.
 * - While keys are held, `deadline` is the last moment a next key could continue the burst; once
 *   the clock is past it, call `flush(now)` (a timer). Call `reset()` on blur or screen change.
 *
 * Rules:
 * - Modifiers (Shift, CapsLock, …) are ignored: scanners press Shift for capitals.
 * - Ctrl+] is GS (ASCII 29), the FNC1 separator as wedge scanners type it. Other Ctrl chords and
 *   named keys (Backspace, arrows, Escape, …) end any burst, its keys coming back as typing, and
 *   pass through. Ctrl+Alt+key is AltGr on Windows: a character.
 * - A character key more than `maxGapMs` after the previous held key ends the old burst (typing)
 *   and starts a new one.
 * - A suffix key (Enter by default) within `maxGapMs` completes a scan when at least `minLength`
 *   characters follow the prefix: the suffix is held (no form submits). Otherwise the held keys
 *   come back as typing and the suffix passes through.
 * - With no suffixes configured, a burst of at least `minLength` ends as a scan at `flush`.
 * - With a prefix configured, a burst must start with it and keys that cannot start it pass
 *   straight through; the prefix is not part of the scan value.
 */

export const scanDetectorConfigSchema = z.object({
  /** Longest pause between two keys of one scan. Scanners: 1–10 ms; fast typists: 50 ms and up. */
  maxGapMs: z.number().positive().max(1000).default(35),
  /** Fewest characters (after the prefix) a scan may have. */
  minLength: z.number().int().min(1).default(4),
  prefix: z.string().max(8).default(''),
  suffixes: z.array(z.enum(['Enter', 'Tab'])).default(['Enter']),
});
export type ScanDetectorConfig = z.input<typeof scanDetectorConfigSchema>;

export interface KeyInput {
  /** KeyboardEvent.key */
  key: string;
  /** ms, e.g. KeyboardEvent.timeStamp */
  time: number;
  ctrl?: boolean;
  alt?: boolean;
}

export type ScanDetectorOutput =
  { type: 'scan'; value: string } | { type: 'typing'; keys: string[] };

export interface ScanStep {
  hold: boolean;
  outputs: ScanDetectorOutput[];
}

export interface ScanDetector {
  push(input: KeyInput): ScanStep;
  flush(now: number): ScanDetectorOutput[];
  reset(): ScanDetectorOutput[];
  readonly deadline: number | undefined;
}

const modifierKeys = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'Fn',
]);
const GS = '\x1d';

/** Builds a detector; refuses a config that fails the schema (the error names the field). */
export function createScanDetector(config: ScanDetectorConfig = {}): ScanDetector {
  const { maxGapMs, minLength, prefix, suffixes } = scanDetectorConfigSchema.parse(config);
  const suffixKeys = new Set<string>(suffixes);
  let held: string[] = [];
  let lastTime = 0;

  const prefixComplete = () => held.length >= prefix.length;
  const value = () => held.slice(prefix.length).join('');
  const expired = (time: number) => time - lastTime > maxGapMs;
  const hold = (outputs: ScanDetectorOutput[] = []): ScanStep => ({ hold: true, outputs });
  const pass = (outputs: ScanDetectorOutput[] = []): ScanStep => ({ hold: false, outputs });

  function release(): ScanDetectorOutput[] {
    if (held.length === 0) return [];
    const keys = held;
    held = [];
    return [{ type: 'typing', keys }];
  }

  function take(char: string, time: number): void {
    held.push(char);
    lastTime = time;
  }

  function character(char: string, time: number): ScanStep {
    const outputs = held.length > 0 && expired(time) ? release() : [];
    if (held.length > 0 && !prefixComplete() && char !== prefix[held.length])
      outputs.push(...release());
    if (held.length === 0 && prefix !== '' && char !== prefix[0]) return pass(outputs);
    take(char, time);
    return hold(outputs);
  }

  function suffix(time: number): ScanStep {
    if (held.length === 0) return pass();
    const scanned = value();
    if (!expired(time) && prefixComplete() && scanned.length >= minLength) {
      held = [];
      return hold([{ type: 'scan', value: scanned }]);
    }
    return pass(release());
  }

  return {
    push(input) {
      if (modifierKeys.has(input.key)) return pass();
      const char = characterOf(input);
      if (char !== undefined) return character(char, input.time);
      if (suffixKeys.has(input.key)) return suffix(input.time);
      return pass(release());
    },
    flush(now) {
      if (held.length === 0 || !expired(now)) return [];
      const scanned = value();
      if (suffixKeys.size === 0 && prefixComplete() && scanned.length >= minLength) {
        held = [];
        return [{ type: 'scan', value: scanned }];
      }
      return release();
    },
    reset: release,
    get deadline() {
      return held.length > 0 ? lastTime + maxGapMs : undefined;
    },
  };
}

/** The character a key types, or undefined for named keys and shortcuts. */
function characterOf({ key, ctrl = false, alt = false }: KeyInput): string | undefined {
  if (ctrl && !alt) return key === ']' || key === GS ? GS : undefined;
  return [...key].length === 1 ? key : undefined;
}
