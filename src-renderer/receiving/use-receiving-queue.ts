import { useEffect, useState } from 'react';
import type { ReceivingQueue } from '../../shared/station-api';
import { station } from '../station-api/connect';

const EMPTY: ReceivingQueue = { queued: [], refused: [] };

/** Main's outgoing queue of receiving scans, kept current by its `receivingQueue` event. */
export function useReceivingQueue(): ReceivingQueue {
  const [queue, setQueue] = useState<ReceivingQueue>(EMPTY);
  useEffect(() => {
    let active = true;
    const api = station();
    const off = api.on('receivingQueue', (next) => active && setQueue(next));
    void api.receivingQueue({}).then(
      (next) => active && setQueue(next),
      () => undefined,
    );
    return () => {
      active = false;
      off();
    };
  }, []);
  return queue;
}
