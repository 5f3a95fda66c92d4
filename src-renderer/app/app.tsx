import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupScreen } from '../setup/setup-screen';
import { useConnectivity } from '../state/connectivity-store';
import { useStation } from '../state/station-store';
import { HomeScreen } from './home-screen';
import { StatusBar } from './status-bar';

export function App() {
  const { t } = useTranslation();
  const startConnectivity = useConnectivity((s) => s.start);
  const startStation = useStation((s) => s.start);
  const { phase, error } = useStation();
  useEffect(() => startConnectivity(), [startConnectivity]);
  useEffect(() => startStation(), [startStation]);

  return (
    <div className="app">
      <StatusBar />
      {phase === 'loading' && <main className="screen">{t('station.loading')}</main>}
      {phase === 'error' && (
        <main className="screen">
          <p className="message message--error" role="alert">
            {t('station.error', { message: error })}
          </p>
        </main>
      )}
      {phase === 'setup' && <SetupScreen />}
      {phase === 'ready' && <HomeScreen />}
    </div>
  );
}
