// Electron's transport for the station API: one ipcMain.handle per method of the table, all
// through the shared dispatcher; events go to the window over one channel.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_METHOD_PREFIX, stationMethods } from '../../shared/station-api';
import type { Station } from '../station';
import { createDispatcher } from '../station-api/dispatch';
import { isAppUrl } from './window-options';

export function registerIpc(
  station: Station,
  appOrigin: string,
  log: (msg: string, err: unknown) => void,
): void {
  const dispatch = createDispatcher(station.handlers, log);
  for (const name of Object.keys(stationMethods)) {
    ipcMain.handle(IPC_METHOD_PREFIX + name, (event: IpcMainInvokeEvent, args: unknown) => {
      // Only the app's own top frame may call main: never a frame that navigated elsewhere.
      if (!event.senderFrame || !isAppUrl(event.senderFrame.url, appOrigin)) {
        return {
          ok: false,
          error: { code: 'forbidden_sender', message: 'Caller is not the station page' },
        };
      }
      return dispatch(name, args);
    });
  }
}

export function forwardEvents(station: Station, contents: WebContents): () => void {
  return station.events.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, { event, payload });
  });
}
