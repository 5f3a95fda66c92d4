// The packer's flow once the station is ready: sign in → work queue → picking (one order, or a
// batch into totes) → packing, with the scanner test a key press away. One scanner listener
// serves every screen (see scanning/).
import { useEffect, useLayoutEffect, useState } from 'react';
import { DayClosePanel } from '../carriers/day-close-panel';
import { PrinterSetupScreen, PrintQueuePanel } from '../printing';
import { useTranslation } from 'react-i18next';
import { BatchScreen } from '../picking/batch-screen';
import { WorkScreen } from '../queue/work-screen';
import { OrderScreen } from '../queue/order-screen';
import { QueueScreen } from '../queue/queue-screen';
import { useWorkSession } from '../queue/work-session';
import { giveBackHeldWork } from '../queue/give-back-work';
import { useReturnsDesk } from '../returns/returns-desk';
import { ReturnsScreen } from '../returns/returns-screen';
import { useReceivingDesk } from '../receiving/receiving-desk';
import { ReceivingScreen } from '../receiving/receiving-screen';
import { ScannerTestScreen } from '../scanner-test/scanner-test-screen';
import { useKeyboardWedge } from '../scanning/use-keyboard-wedge';
import { useBinCodes } from '../scanning/use-bin-codes';
import { useScanHandler } from '../scanning/use-scan-handler';
import { useOperator } from '../sign-in/operator-store';
import { SignInScreen } from '../sign-in/sign-in-screen';
import { FeedbackBanner } from '../sound/feedback-banner';
import { feedback, useFeedback } from '../sound/feedback-store';
import { preloadTones } from '../sound/feedback-sounds';
import { useStation } from '../state/station-store';
import '../styles/station-work.css';

export function HomeScreen() {
  const { t } = useTranslation();
  const db = useStation((s) => s.db);
  const enrolment = useStation((s) => s.enrolment);
  const stationId = enrolment?.stationId ?? 'station';
  const operator = useOperator((s) => s.operator);
  const signOut = useOperator((s) => s.signOut);
  const session = useWorkSession();
  const returnsDesk = useReturnsDesk();
  const receivingDesk = useReceivingDesk();
  const [printersOpen, setPrintersOpen] = useState(false);
  useKeyboardWedge(stationId);
  useBinCodes(db);
  useEffect(() => preloadTones(), []);

  // The screen on show; a message raised on one screen is not shown on the next (feedback-store).
  const screenKey =
    session.view === 'scanner-test'
      ? 'scanner-test'
      : printersOpen
        ? 'printers'
        : !operator
          ? 'sign-in'
          : receivingDesk.open
            ? 'receiving'
            : returnsDesk.open
              ? 'returns'
              : session.view === 'queue'
                ? 'queue'
                : `${session.view}:${session.fulfillmentId ?? session.batchId ?? ''}`;
  useLayoutEffect(() => useFeedback.getState().showScreen(screenKey), [screenKey]);

  function leave() {
    if (db) void giveBackHeldWork(db, stationId);
    session.backToQueue();
    returnsDesk.closeDesk();
    receivingDesk.closeDesk();
    signOut();
    feedback.success('signIn.signedOut', {}, { carry: true });
  }

  // Under every screen: sign-out works from anywhere; a scan no screen wanted is said out loud.
  useScanHandler('global', 'global', (scan) => {
    if (scan.result.kind === 'command' && scan.result.command === 'SIGN-OUT' && operator) leave();
    else feedback.warning('scan.notExpected');
    return true;
  });

  if (!db) return null;
  if (session.view === 'scanner-test')
    return <ScannerTestScreen stationId={stationId} onClose={session.closeScannerTest} />;
  if (printersOpen) {
    return (
      <main className="screen" data-testid="printers-screen">
        <button
          type="button"
          className="button button--small"
          onClick={() => setPrintersOpen(false)}
        >
          {t('work.back')}
        </button>
        <FeedbackBanner />
        <PrinterSetupScreen />
        <DayClosePanel />
        <PrintQueuePanel db={db} />
      </main>
    );
  }
  const screen = !operator ? (
    <SignInScreen />
  ) : receivingDesk.open ? (
    <ReceivingScreen db={db} />
  ) : returnsDesk.open ? (
    <ReturnsScreen
      db={db}
      warehouseCode={enrolment?.warehouseCode ?? ''}
      stationId={stationId}
      operatorId={operator.id}
    />
  ) : session.view === 'work' && session.fulfillmentId ? (
    <WorkScreen
      key={session.fulfillmentId}
      db={db}
      fulfillmentId={session.fulfillmentId}
      stationId={stationId}
      operatorId={operator.id}
      onBack={session.backToQueue}
    />
  ) : session.view === 'order' && session.fulfillmentId ? (
    <OrderScreen
      key={session.fulfillmentId}
      db={db}
      fulfillmentId={session.fulfillmentId}
      stationId={stationId}
      onBack={session.backToQueue}
    />
  ) : session.view === 'batch' && session.batchId ? (
    <BatchScreen
      key={session.batchId}
      db={db}
      batchId={session.batchId}
      stationId={stationId}
      operatorId={operator.id}
      onBack={session.backToQueue}
      onPack={session.startWork}
    />
  ) : (
    <QueueScreen
      db={db}
      warehouseCode={enrolment?.warehouseCode ?? ''}
      stationId={stationId}
      operatorId={operator.id}
      onStart={session.startWork}
      onStartBatch={session.startBatch}
      onOpenOrder={session.openOrder}
    />
  );

  return (
    <>
      <nav className="operator-bar" aria-label={t('work.navigation')}>
        {operator && (
          <span className="operator-bar__name" data-testid="operator">
            {t('signIn.signedInAs', { name: operator.name })}
          </span>
        )}
        {operator && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              receivingDesk.closeDesk();
              if (returnsDesk.open) returnsDesk.closeDesk();
              else returnsDesk.openDesk();
            }}
            data-testid="returns-toggle"
          >
            {returnsDesk.open && !receivingDesk.open ? t('work.back') : t('returns.open')}
          </button>
        )}
        {operator && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              returnsDesk.closeDesk();
              if (receivingDesk.open) receivingDesk.closeDesk();
              else receivingDesk.openDesk();
            }}
            data-testid="receiving-toggle"
          >
            {receivingDesk.open ? t('work.back') : t('receiving.open')}
          </button>
        )}
        <button type="button" className="button button--small" onClick={session.openScannerTest}>
          {t('scanner.open')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => setPrintersOpen(true)}
        >
          {t('printing.setupTitle')}
        </button>
        {operator && (
          <button type="button" className="button button--small" onClick={leave}>
            {t('signIn.signOut')}
          </button>
        )}
      </nav>
      {screen}
    </>
  );
}
