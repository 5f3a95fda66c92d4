import { useEffect, useRef } from 'react';
import { useScanRouter, type ScanHandler, type ScanLevel } from './scan-router';

/**
 * Listens for scans while the component is mounted (and `active`). The latest handler is always
 * called, so screens can close over fresh state without re-registering on every render.
 */
export function useScanHandler(
  id: string,
  level: ScanLevel,
  handler: ScanHandler,
  active = true,
): void {
  const latest = useRef(handler);
  latest.current = handler;
  const listen = useScanRouter((s) => s.listen);
  useEffect(() => {
    if (!active) return;
    return listen(id, level, (scan) => latest.current(scan));
  }, [id, level, active, listen]);
}
