// The station API: the single list of what the renderer may ask of the main process, and of the
// events main pushes back. Each domain declares its own piece; this file only assembles them.
import type { ApiOf, EventPayloads, HandlersOf } from './define';
import { printingEvents, printingMethods } from './printing';
import { numberingEvents, numberingMethods } from './numbering';
import { receivingEvents, receivingMethods } from './receiving';
import { syncEvents, syncMethods } from './sync';
import { systemEvents, systemMethods } from './system';

export const stationMethods = {
  ...systemMethods,
  ...syncMethods,
  ...numberingMethods,
  ...printingMethods,
  ...receivingMethods,
};

export const stationEvents = {
  ...systemEvents,
  ...syncEvents,
  ...printingEvents,
  ...numberingEvents,
  ...receivingEvents,
};

export type StationMethods = typeof stationMethods;
export type StationMethodName = keyof StationMethods & string;
export type StationEvents = typeof stationEvents;
export type StationEventName = keyof StationEvents & string;
export type StationEventPayloads = EventPayloads<StationEvents>;

export type StationEventListener<E extends StationEventName> = (
  payload: StationEventPayloads[E],
) => void;

/** `window.station` in Electron, or the HTTP client under the web host. */
export type StationApi = ApiOf<StationMethods> & {
  on<E extends StationEventName>(event: E, listener: StationEventListener<E>): () => void;
};

export type StationHandlers = HandlersOf<StationMethods>;

export const IPC_METHOD_PREFIX = 'station:';
export const IPC_EVENT_CHANNEL = 'station-event';

export function isStationMethod(name: string): name is StationMethodName {
  return Object.hasOwn(stationMethods, name);
}

export function isStationEvent(name: string): name is StationEventName {
  return Object.hasOwn(stationEvents, name);
}

export * from './define';
export * from './system';
export * from './sync';
export * from './numbering';
export * from './printing';
export * from './receiving';
