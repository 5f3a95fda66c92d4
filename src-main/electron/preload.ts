// Exposes exactly the station API table as window.station, nothing else. Runs sandboxed:
// it may only use contextBridge and ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import type { StationApi, StationEventName } from '../../shared/station-api';
import { IPC_EVENT_CHANNEL, IPC_METHOD_PREFIX, isStationEvent } from '../../shared/station-api';
import type { Envelope } from '../../shared/station-api/define';
import { createStationApi } from '../../shared/station-api/client';

const listeners = new Map<StationEventName, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, message: { event: string; payload: unknown }) => {
  if (!isStationEvent(message.event)) return;
  for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
});

const station = createStationApi({
  call: (method, args) =>
    ipcRenderer.invoke(IPC_METHOD_PREFIX + method, args) as Promise<Envelope<unknown>>,
  subscribe: (event, listener) => {
    if (!isStationEvent(event)) throw new Error(`Unknown station event "${event}"`);
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
}) satisfies StationApi;

contextBridge.exposeInMainWorld('station', station);
