// Builds a StationApi on top of any transport that can send one method call and receive an
// envelope. The renderer's HTTP client and the Electron preload both use it, so the two
// transports cannot drift apart.
import type { Envelope } from './define';
import { StationApiError } from './define';
import type {
  StationApi,
  StationEventListener,
  StationEventName,
  StationMethodName,
} from './index';
import { stationMethods } from './index';

export interface StationTransport {
  call(method: StationMethodName, args: unknown): Promise<Envelope<unknown>>;
  subscribe(event: StationEventName, listener: (payload: unknown) => void): () => void;
}

export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  const { code, message, field, reason } = envelope.error;
  throw new StationApiError(code, message, field, reason);
}

export function createStationApi(transport: StationTransport): StationApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(stationMethods) as StationMethodName[]) {
    api[name] = async (args: unknown) => unwrapEnvelope(await transport.call(name, args ?? {}));
  }
  api.on = <E extends StationEventName>(event: E, listener: StationEventListener<E>) =>
    transport.subscribe(event, (payload) =>
      listener(payload as Parameters<StationEventListener<E>>[0]),
    );
  // Every method of the table was assigned above; the table's keys are the type's keys.
  return api as StationApi;
}
