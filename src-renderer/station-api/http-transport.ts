// The web host's transport: methods as POST /station-api/<method>, events over server-sent
// events. The page is served by the same web host, so these are same-origin requests.
import type { Envelope, StationEventName } from '../../shared/station-api';
import type { StationTransport } from '../../shared/station-api/client';

export function httpTransport(baseUrl = ''): StationTransport {
  let source: EventSource | undefined;
  const listeners = new Map<StationEventName, Set<(payload: unknown) => void>>();

  function eventSource(): EventSource {
    // EventSource reconnects by itself when the web host restarts.
    source ??= new EventSource(`${baseUrl}/station-api/events`);
    return source;
  }

  return {
    async call(method, args) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/station-api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
        });
      } catch {
        return {
          ok: false,
          error: { code: 'station_unreachable', message: 'The station service is not running' },
        };
      }
      return (await response.json()) as Envelope<unknown>;
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        const created = new Set<(payload: unknown) => void>();
        listeners.set(event, created);
        eventSource().addEventListener(event, (message) => {
          const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
          for (const l of created) l(payload);
        });
        set = created;
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
