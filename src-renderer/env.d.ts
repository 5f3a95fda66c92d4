/// <reference types="vite/client" />
import type { StationApi } from '../shared/station-api';

declare global {
  interface Window {
    /** Present when the preload ran (Electron); absent under the web host. */
    station?: StationApi;
  }
}
