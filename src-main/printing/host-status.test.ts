import { describe, expect, it } from 'vitest';
import { formatHostStatus } from '../../test/support/fake-zebra';
import { hostStatusFaults, parseHostStatus } from './host-status';

// A real answer from a ZD420 (ready, 203 dpi, tear-off), as the ZPL guide frames it.
const READY_ANSWER =
  '\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n';

describe('~HS host status', () => {
  it('reads a ready printer with no faults', () => {
    const status = parseHostStatus(READY_ANSWER);
    expect(status).toMatchObject({
      paperOut: false,
      paused: false,
      headUp: false,
      ribbonOut: false,
      bufferFull: false,
      thermalTransfer: true,
    });
    expect(hostStatusFaults(status!)).toEqual([]);
  });

  it.each([
    [
      'paper out',
      '\x02030,1,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,0,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n',
      ['paper-out'],
    ],
    [
      'paused',
      '\x02030,0,1,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,0,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n',
      ['paused'],
    ],
    [
      'head up',
      '\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,1,0,0,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n',
      ['head-up'],
    ],
    [
      'ribbon out',
      '\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,1,1,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n',
      ['ribbon-out'],
    ],
    [
      'receive buffer full',
      '\x02030,0,0,1218,012,1,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,0,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n',
      ['buffer-full'],
    ],
    [
      'over temperature',
      '\x02030,0,0,1218,000,0,0,0,000,0,0,1\x03\r\n\x02001,0,0,0,0,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n',
      ['over-temperature'],
    ],
    [
      'paper out while paused',
      '\x02030,1,1,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,0,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n',
      ['paper-out', 'paused'],
    ],
  ])('reports %s as a fault that stops printing', (_name, answer, faults) => {
    expect(hostStatusFaults(parseHostStatus(answer)!)).toEqual(faults);
  });

  it('counts formats waiting and labels remaining', () => {
    expect(
      parseHostStatus(formatHostStatus({ formatsInBuffer: 12, labelsRemaining: 3 })),
    ).toMatchObject({ formatsInBuffer: 12, labelsRemaining: 3 });
  });

  it('tolerates frames without CR LF and answers split across reads once complete', () => {
    const noCrLf = READY_ANSWER.replace(/\r\n/g, '');
    expect(parseHostStatus(noCrLf)).not.toBeNull();
  });

  it.each([
    ['an empty answer', ''],
    ['only two of the three frames', READY_ANSWER.split('\r\n').slice(0, 2).join('\r\n') + '\r\n'],
    [
      'a first frame with too few fields',
      '\x02030,0,0\x03\r\n\x02001,0,0,0,0,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n',
    ],
    [
      'a flag that is not 0 or 1',
      '\x02030,X,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,0,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n',
    ],
  ])('refuses %s instead of calling the printer ready', (_name, answer) => {
    expect(parseHostStatus(answer)).toBeNull();
  });
});
