import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createScanDetector,
  type KeyInput,
  type ScanDetector,
  type ScanDetectorOutput,
} from './scan-detector';

/** Key events for `text` typed from `start` with the given pause between keys, then `suffix`. */
function keys(
  text: string,
  { start = 1000, gapMs = 4, suffix }: { start?: number; gapMs?: number; suffix?: string },
) {
  const chars = [...text];
  const events: KeyInput[] = chars.map((key, index) => ({ key, time: start + index * gapMs }));
  if (suffix !== undefined) events.push({ key: suffix, time: start + chars.length * gapMs });
  return events;
}

/**
 * Plays events like the UI would: held keys vanish, typing is inserted, others act natively.
 * `everything` is every character that came out, scans included, in the order it came out.
 */
function drive(detector: ScanDetector, events: KeyInput[]) {
  const scans: string[] = [];
  let field = '';
  let everything = '';
  const passedThrough: string[] = [];
  const holds: boolean[] = [];
  const apply = (outputs: ScanDetectorOutput[]) => {
    for (const output of outputs) {
      const text = output.type === 'scan' ? output.value : output.keys.join('');
      if (output.type === 'scan') scans.push(text);
      else field += text;
      everything += text;
    }
  };
  for (const event of events) {
    const step = detector.push(event);
    holds.push(step.hold);
    apply(step.outputs);
    if (!step.hold && [...event.key].length === 1) {
      field += event.key;
      everything += event.key;
    } else if (!step.hold) passedThrough.push(event.key);
  }
  apply(detector.flush((events.at(-1)?.time ?? 0) + 1000));
  return { scans, field, passedThrough, holds, everything };
}

describe('scan detector', () => {
  it.each([2, 5, 8])(
    'takes a scanner burst at %i ms per key ending in Enter as a scan, leaking nothing',
    (gapMs) => {
      const result = drive(createScanDetector(), keys('4006381333931', { gapMs, suffix: 'Enter' }));
      expect(result).toMatchObject({
        scans: ['4006381333931'],
        field: '',
        passedThrough: [],
        holds: Array(14).fill(true),
      });
    },
  );

  it('takes a fast typist at 60 ms per key as typing, and lets their Enter submit', () => {
    const result = drive(
      createScanDetector(),
      keys('4006381333931', { gapMs: 60, suffix: 'Enter' }),
    );
    expect(result.scans).toEqual([]);
    expect(result.field).toBe('4006381333931');
    expect(result.passedThrough).toEqual(['Enter']);
  });

  it('gives back every key in order when a burst is interrupted by a long gap', () => {
    const events = [
      ...keys('0123', { start: 1000 }),
      ...keys('456', { start: 1250, suffix: 'Enter' }),
    ];
    const detector = createScanDetector();
    const outputs = events.flatMap((event) => detector.push(event).outputs);
    expect(outputs).toEqual([
      { type: 'typing', keys: ['0', '1', '2', '3'] },
      { type: 'typing', keys: ['4', '5', '6'] },
    ]);
    expect(drive(createScanDetector(), events)).toMatchObject({
      field: '0123456',
      passedThrough: ['Enter'],
    });
  });

  it('does not take a burst as a scan when its Enter comes after a long gap', () => {
    const events = [...keys('40063813', {}), { key: 'Enter', time: 1500 }];
    expect(drive(createScanDetector(), events)).toMatchObject({
      scans: [],
      field: '40063813',
      passedThrough: ['Enter'],
    });
  });

  it('takes a burst shorter than the minimum length as typing', () => {
    expect(drive(createScanDetector(), keys('123', { suffix: 'Enter' }))).toMatchObject({
      scans: [],
      field: '123',
    });
    expect(
      drive(createScanDetector({ minLength: 3 }), keys('123', { suffix: 'Enter' })).scans,
    ).toEqual(['123']);
  });

  it('ignores the Shift presses a scanner makes for capitals', () => {
    const events = keys('B:NL1', { suffix: 'Enter' }).flatMap((event) =>
      /[A-Z:]/.test(event.key) ? [{ key: 'Shift', time: event.time - 1 }, event] : [event],
    );
    expect(drive(createScanDetector(), events).scans).toEqual(['B:NL1']);
  });

  it('turns Ctrl+] into GS, the FNC1 separator, but takes Ctrl+Alt as AltGr', () => {
    const detector = createScanDetector();
    const events: KeyInput[] = [
      ...keys('10AB', { start: 1000 }),
      { key: ']', time: 1016, ctrl: true },
      ...keys('21X', { start: 1020 }),
      { key: '@', time: 1032, ctrl: true, alt: true },
      { key: 'Enter', time: 1036 },
    ];
    expect(drive(detector, events).scans).toEqual(['10AB\x1d21X@']);
  });

  it('ends with Tab when configured so, and lets Enter act normally then', () => {
    const detector = createScanDetector({ suffixes: ['Tab'] });
    expect(drive(detector, keys('T:TOTE-7', { suffix: 'Tab' })).scans).toEqual(['T:TOTE-7']);
    expect(drive(detector, keys('T:TOTE-7', { suffix: 'Enter' }))).toMatchObject({
      scans: [],
      field: 'T:TOTE-7',
    });
  });

  it('with a prefix, lets other keys through at once and strips the prefix from the scan', () => {
    const detector = createScanDetector({ prefix: '~~' });
    expect(detector.push({ key: 'a', time: 10 })).toEqual({ hold: false, outputs: [] });
    expect(drive(detector, keys('~~CMD:DONE', { suffix: 'Enter' })).scans).toEqual(['CMD:DONE']);
    expect(drive(detector, keys('~x', { gapMs: 2 }))).toMatchObject({
      field: '~x',
      holds: [true, false],
    });
    expect(drive(detector, keys('ABCDEF', { suffix: 'Enter' }))).toMatchObject({
      scans: [],
      field: 'ABCDEF',
    });
  });

  it('gives held keys back after the deadline, not before', () => {
    const detector = createScanDetector({ maxGapMs: 35 });
    detector.push({ key: 'h', time: 100 });
    expect(detector.deadline).toBe(135);
    expect(detector.flush(135)).toEqual([]);
    expect(detector.flush(136)).toEqual([{ type: 'typing', keys: ['h'] }]);
    expect(detector.deadline).toBeUndefined();
  });

  it('ends a burst at silence when no suffix is configured', () => {
    const detector = createScanDetector({ suffixes: [] });
    expect(drive(detector, keys('4006381333931', {})).scans).toEqual(['4006381333931']);
    expect(drive(detector, keys('abc', {}))).toMatchObject({ scans: [], field: 'abc' });
  });

  it('gives held keys back before a Backspace, arrow or shortcut acts', () => {
    const detector = createScanDetector();
    detector.push({ key: 'a', time: 0 });
    expect(detector.push({ key: 'Backspace', time: 2 })).toEqual({
      hold: false,
      outputs: [{ type: 'typing', keys: ['a'] }],
    });
    detector.push({ key: 'b', time: 10 });
    expect(detector.push({ key: 'c', time: 12, ctrl: true })).toEqual({
      hold: false,
      outputs: [{ type: 'typing', keys: ['b'] }],
    });
    detector.push({ key: 'd', time: 20 });
    expect(detector.reset()).toEqual([{ type: 'typing', keys: ['d'] }]);
  });

  it('refuses a config that makes no sense, naming the field', () => {
    expect(() => createScanDetector({ maxGapMs: -5 })).toThrow(/maxGapMs/);
    expect(() => createScanDetector({ minLength: 0 })).toThrow(/minLength/);
  });

  it('never loses, duplicates or reorders a character, whatever the timing', () => {
    const event = fc.record({
      key: fc.constantFrom('a', 'B', '1', '-', 'Enter', 'Shift', 'Tab'),
      gap: fc.integer({ min: 0, max: 90 }),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 40 }),
        fc.constantFrom<('Enter' | 'Tab')[]>(['Enter'], ['Tab'], []),
        (steps, suffixes) => {
          let time = 0;
          const events = steps.map(({ key, gap }) => ({ key, time: (time += gap) }));
          const typedChars = events
            .filter((e) => e.key.length === 1)
            .map((e) => e.key)
            .join('');
          expect(drive(createScanDetector({ suffixes }), events).everything).toBe(typedChars);
        },
      ),
      { numRuns: 500 },
    );
  });
});
