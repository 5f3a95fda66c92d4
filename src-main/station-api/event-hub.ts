// Main-process events for the renderer. Payloads are checked against the event table before
// they leave, and each transport (IPC window, SSE clients) subscribes once.
import type { StationEventName, StationEventPayloads } from '../../shared/station-api';
import { stationEvents } from '../../shared/station-api';

export type EventSink = (event: StationEventName, payload: unknown) => void;

export class StationEventHub {
  private readonly sinks = new Set<EventSink>();

  emit<E extends StationEventName>(event: E, payload: StationEventPayloads[E]): void {
    const checked = stationEvents[event].parse(payload);
    for (const sink of this.sinks) sink(event, checked);
  }

  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }
}
