// The station's lifecycle in the renderer: is it enrolled, is its local database open, is it
// replicating. Components read this; only start() and the enrolment event change it.
import { create } from 'zustand';
import type { Enrolment } from '../../shared/station-api';
import type { StationDatabase } from '../db/database';
import { openStationDatabase } from '../db/database';
import { station } from '../station-api/connect';
import { startLabelPrinting } from '../printing/label-printing';
import { printPendingLabels } from '../printing/pending-labels';
import { PrintQueueWorker } from '../printing/print-queue';
import { watchSyncCounts } from '../sync/sync-counts';
import { startReplication, type StationReplication } from '../sync/replication';
import { useSync } from '../sync/sync-store';

type Phase = 'loading' | 'setup' | 'ready' | 'error';

interface StationState {
  phase: Phase;
  enrolment: Enrolment | null;
  db: StationDatabase | null;
  error: string | null;
  start(): () => void;
}

const PENDING_LABEL_RETRY_MS = 60_000;

let replication: StationReplication | null = null;
let stopCounts: (() => void) | null = null;
let printQueue: PrintQueueWorker | null = null;
let stopLabelPrinting: (() => void) | null = null;

async function openFor(enrolment: Enrolment, set: (s: Partial<StationState>) => void) {
  if (!enrolment.enrolled || !enrolment.stationId) {
    set({ phase: 'setup', enrolment });
    return;
  }
  const db = await openStationDatabase(enrolment.stationId);
  const sync = useSync.getState();
  sync.firstSyncStarted(Date.now());
  replication = startReplication(db, station(), enrolment.stationId, {
    onPulled: (collection, received, remaining) => sync.pulled(collection, received, remaining),
    onPushed: () => sync.succeeded(),
    onError: (_collection, message) => sync.failed(message),
  });
  stopCounts = watchSyncCounts(db);
  printQueue = new PrintQueueWorker(db.print_jobs, station());
  await printQueue.start();
  const stopLabels = startLabelPrinting(db, station());
  // Labels left pending get their numbers and print: when the station is back online (main
  // leases new numbers then), and every minute for a carrier API that was down while online.
  const stationId = enrolment.stationId;
  const retryPendingLabels = () =>
    void printPendingLabels(db, station(), stationId).catch(() => undefined);
  const stopPending = station().on('connectivity', (connectivity) => {
    if (connectivity.online) setTimeout(retryPendingLabels, 2000);
  });
  const pendingTimer = setInterval(retryPendingLabels, PENDING_LABEL_RETRY_MS);
  stopLabelPrinting = () => {
    stopLabels();
    stopPending();
    clearInterval(pendingTimer);
  };
  set({ phase: 'ready', enrolment, db });
  await replication.awaitInitialSync();
  useSync.getState().firstSyncDone();
}

export const useStation = create<StationState>((set, get) => ({
  phase: 'loading',
  enrolment: null,
  db: null,
  error: null,
  start() {
    const api = station();
    const fail = (err: unknown) =>
      set({ phase: 'error', error: err instanceof Error ? err.message : String(err) });
    const unsubscribe = api.on('enrolment', (enrolment) => {
      if (get().phase === 'setup') void openFor(enrolment, set).catch(fail);
    });
    api
      .getEnrolment({})
      .then((enrolment) => openFor(enrolment, set))
      .catch(fail);
    return () => {
      unsubscribe();
      stopCounts?.();
      stopLabelPrinting?.();
      printQueue?.stop();
      void replication?.stop();
    };
  },
}));
