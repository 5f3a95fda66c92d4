// The Electron main process: one secured window, the station's handlers over IPC.
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { STATION_CSP } from '../security/csp';
import { createStation } from '../station';
import { loadStationConfig } from '../station-config';
import { safeStorageCredentialStore } from './credentials';
import { forwardEvents, registerIpc } from './ipc';
import { installNavigationGuards, stationWindowOptions } from './window-options';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : 'file://';
const log = (msg: string, err: unknown) => console.error(msg, err);

app.enableSandbox();

app.whenReady().then(() => {
  const config = loadStationConfig(
    { STATION_DATA_DIR: join(app.getPath('userData'), 'station'), ...process.env },
    app.getVersion(),
  );
  const station = createStation(config, {
    transport: 'ipc',
    credentialStore: safeStorageCredentialStore(join(config.dataDir, 'credentials.bin')),
  });
  registerIpc(station, appOrigin, log);

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [STATION_CSP] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );

  const window = new BrowserWindow(
    stationWindowOptions(join(import.meta.dirname, '../preload/preload.cjs')),
  );
  installNavigationGuards(window.webContents, appOrigin);
  const stopEvents = forwardEvents(station, window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', stopEvents);
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));

  void station.start();
  app.on('before-quit', () => void station.stop());
});

app.on('window-all-closed', () => app.quit());
