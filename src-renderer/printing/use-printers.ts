// The station's printers and their live status, for the set-up screen and the queue panel.
import { useCallback, useEffect, useState } from 'react';
import type { PrinterList, PrinterStatus } from '../../shared/station-api/printing';
import { station } from '../station-api/connect';

const STATUS_REFRESH_MS = 10_000;

export interface PrintersState {
  list: PrinterList | null;
  statuses: Record<string, PrinterStatus>;
  error: string | null;
  refresh(): Promise<void>;
  /** Replaces the list after a change (add, remove, default) and checks the printers' status. */
  setList(list: PrinterList): void;
}

export function usePrinters(): PrintersState {
  const [list, setListState] = useState<PrinterList | null>(null);
  const [statuses, setStatuses] = useState<Record<string, PrinterStatus>>({});
  const [error, setError] = useState<string | null>(null);

  const checkAll = useCallback(async (current: PrinterList) => {
    await Promise.all(
      current.printers.map(async (printer) => {
        try {
          const status = await station().printerStatus({ printerId: printer.id });
          setStatuses((previous) => ({ ...previous, [printer.id]: status }));
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        }
      }),
    );
  }, []);

  const setList = useCallback(
    (next: PrinterList) => {
      setListState(next);
      void checkAll(next);
    },
    [checkAll],
  );

  const refresh = useCallback(async () => {
    try {
      setList(await station().listPrinters({}));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [setList]);

  useEffect(() => {
    void refresh();
    const off = station().on('printerStatus', (status) =>
      setStatuses((previous) => ({ ...previous, [status.printerId]: status })),
    );
    return off;
  }, [refresh]);

  useEffect(() => {
    if (!list) return;
    const timer = setInterval(() => void checkAll(list), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [list, checkAll]);

  return { list, statuses, error, refresh, setList };
}
