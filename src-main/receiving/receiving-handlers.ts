import type { HandlersOf } from '../../shared/station-api';
import type { receivingMethods } from '../../shared/station-api/receiving';
import type { ReceivingDesk } from './receiving-desk';

export function receivingHandlers(desk: ReceivingDesk): HandlersOf<typeof receivingMethods> {
  return {
    receivingOpen: ({ poNumber }) => desk.open(poNumber),
    receivingScan: (scan) => desk.scan(scan),
    receivingQueue: () => desk.queue(),
  };
}
