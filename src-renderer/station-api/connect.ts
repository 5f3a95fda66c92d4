// Picks the transport once at start-up: the preload's window.station under Electron, HTTP under
// the web host. The rest of the renderer only ever sees a StationApi.
import type { StationApi } from '../../shared/station-api';
import { createStationApi } from '../../shared/station-api/client';
import { httpTransport } from './http-transport';

let api: StationApi | undefined;

export function station(): StationApi {
  api ??= window.station ?? createStationApi(httpTransport());
  return api;
}
