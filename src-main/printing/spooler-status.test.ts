import { describe, expect, it } from 'vitest';
import { parseLpstatPrinters } from './lp-spooler';
import { faultsFromStateReasons } from './printers-binding-spooler';

describe('spooler queue status', () => {
  it('reads enabled and disabled queues from lpstat -p', () => {
    const output = [
      'printer zebra-test is idle.  enabled since Fri Nov 27 03:40:55 2026',
      'printer office now printing office-12.  enabled since Fri Nov 27 03:41:01 2026',
      'printer packing-2 disabled since Fri Nov 27 03:42:00 2026 -',
      '\tPaused',
    ].join('\n');
    expect(parseLpstatPrinters(output).map(({ queue, enabled }) => ({ queue, enabled }))).toEqual([
      { queue: 'zebra-test', enabled: true },
      { queue: 'office', enabled: true },
      { queue: 'packing-2', enabled: false },
    ]);
  });

  it.each([
    ['idle', ['none'], []],
    ['idle', ['media-empty-error'], ['paper-out']],
    ['idle', ['media-empty-warning'], []],
    ['paused', ['paused'], ['spooler-stopped']],
    ['idle', ['cover-open-error'], ['head-up']],
    ['idle', ['marker-supply-empty-error'], ['ribbon-out']],
    ['offline', ['offline-report'], ['unreachable']],
  ])('maps spooler state %s with reasons %j to faults %j', (state, reasons, faults) => {
    expect(
      faultsFromStateReasons(
        state,
        reasons.filter((reason) => reason !== 'none'),
      ),
    ).toEqual(faults);
  });
});
