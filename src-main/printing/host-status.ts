// The Zebra ~HS (host status) answer: three STX…ETX CR LF frames of comma-separated fields.
// Field positions from the ZPL II Programming Guide, "~HS Host Status Return":
//   string 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l  b paper out, c paused, eee formats in buffer,
//             f buffer full, h partial format, j corrupt RAM, k under temp, l over temp
//   string 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www  o head up, p ribbon out, q thermal transfer,
//             r print mode, uuuuuuuu labels remaining in batch
//   string 3: xxxx,y                             password, static RAM installed
import type { PrinterFault } from '../../shared/station-api/printing';

export interface HostStatus {
  paperOut: boolean;
  paused: boolean;
  formatsInBuffer: number;
  bufferFull: boolean;
  partialFormat: boolean;
  corruptRam: boolean;
  underTemperature: boolean;
  overTemperature: boolean;
  headUp: boolean;
  ribbonOut: boolean;
  thermalTransfer: boolean;
  labelsRemaining: number;
}

export const HOST_STATUS_QUERY = '~HS';

const STX = String.fromCharCode(2);
const ETX = String.fromCharCode(3);

/** The complete STX…ETX frames in `answer`; fewer than three means the printer has not finished answering. */
export function hostStatusFrames(answer: string): string[][] {
  const frames: string[][] = [];
  for (let from = 0; ;) {
    const start = answer.indexOf(STX, from);
    const end = start < 0 ? -1 : answer.indexOf(ETX, start + 1);
    if (end < 0) return frames;
    frames.push(
      answer
        .slice(start + 1, end)
        .split(',')
        .map((field) => field.trim()),
    );
    from = end + 1;
  }
}

const flag = (value: string | undefined) => value === '1';
const count = (value: string | undefined) =>
  value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;

/** Parses a full ~HS answer; null when it is incomplete or not shaped like one. */
export function parseHostStatus(answer: string): HostStatus | null {
  const frames = hostStatusFrames(answer);
  const [first, second] = frames;
  if (frames.length < 3 || !first || !second || first.length < 12 || second.length < 9) return null;
  const flags = [
    first[1],
    first[2],
    first[5],
    first[7],
    first[9],
    first[10],
    first[11],
    second[2],
    second[3],
    second[4],
  ];
  if (flags.some((value) => value !== '0' && value !== '1')) return null;
  const formatsInBuffer = count(first[4]);
  const labelsRemaining = count(second[8]);
  if (Number.isNaN(formatsInBuffer) || Number.isNaN(labelsRemaining)) return null;
  return {
    paperOut: flag(first[1]),
    paused: flag(first[2]),
    formatsInBuffer,
    bufferFull: flag(first[5]),
    partialFormat: flag(first[7]),
    corruptRam: flag(first[9]),
    underTemperature: flag(first[10]),
    overTemperature: flag(first[11]),
    headUp: flag(second[2]),
    ribbonOut: flag(second[3]),
    thermalTransfer: flag(second[4]),
    labelsRemaining,
  };
}

/** Conditions that stop a label from printing. Under temperature only slows printing; corrupt RAM still prints. */
export function hostStatusFaults(status: HostStatus): PrinterFault[] {
  const faults: PrinterFault[] = [];
  if (status.paperOut) faults.push('paper-out');
  if (status.paused) faults.push('paused');
  if (status.headUp) faults.push('head-up');
  if (status.ribbonOut) faults.push('ribbon-out');
  if (status.bufferFull) faults.push('buffer-full');
  if (status.overTemperature) faults.push('over-temperature');
  return faults;
}
