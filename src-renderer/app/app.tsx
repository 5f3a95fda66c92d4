import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectivity } from '../state/connectivity-store';
import { StatusBar } from './status-bar';

export function App() {
  const { t } = useTranslation();
  const start = useConnectivity((s) => s.start);
  const online = useConnectivity((s) => s.connectivity?.online ?? false);
  useEffect(() => start(), [start]);

  return (
    <div className="app">
      <StatusBar />
      <main className="screen">
        <h2 className="screen__title">{t('home.welcome')}</h2>
        {!online && <p className="notice">{t('home.offlineNote')}</p>}
      </main>
    </div>
  );
}
