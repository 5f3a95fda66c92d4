// The packing station window's security settings, kept as plain data and small functions so a
// unit test can hold them to account without the Electron binary.
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';

export function stationWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    backgroundColor: '#101418',
    show: false,
    autoHideMenuBar: true,
    title: 'Packing station',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** The app's own pages: the built renderer on disk, or the electron-vite dev server in development. */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const target = new URL(url);
    if (appOrigin === 'file://') return target.protocol === 'file:';
    return target.origin === appOrigin;
  } catch {
    return false;
  }
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** No navigation away from the app, no new windows, no webviews. */
export function installNavigationGuards(contents: GuardedContents, appOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
