// A station's live stream (GET /v1/sync/stream) read over real HTTP for as long as a test needs:
// every server-sent `data:` message is kept in arrival order, with the time it came.
import type { StreamMessage } from '../../shared/sync/protocol';
import { bearer } from './oms-fixtures';

export interface ReceivedStreamMessage {
  at: number;
  message: StreamMessage;
}

export interface StationStream {
  messages: ReceivedStreamMessage[];
  /** Whether the server ended the stream (or the request failed). */
  ended(): boolean;
  close(): void;
}

export async function openStationStream(baseUrl: string, token: string): Promise<StationStream> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/v1/sync/stream`, {
    headers: bearer(token),
    signal: abort.signal,
  });
  if (response.status !== 200) throw new Error(`stream answered ${response.status}`);
  const messages: ReceivedStreamMessage[] = [];
  let ended = false;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .find((line) => line.startsWith('data:'));
          buffer = buffer.slice(end + 2);
          if (data)
            messages.push({ at: Date.now(), message: JSON.parse(data.slice(5)) as StreamMessage });
        }
      }
    } catch {
      // aborted by close(), or the connection dropped: ended() tells
    } finally {
      ended = true;
    }
  })();
  return { messages, ended: () => ended, close: () => abort.abort() };
}
