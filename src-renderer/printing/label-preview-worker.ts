// Renders ZPL to PNG off the main thread with zpl-renderer-js (WebAssembly, ~27 MB). The renderer
// module is imported on the first request only, so the station starts without it.
import type * as ZplRenderer from 'zpl-renderer-js';
import type { PreviewRequest, PreviewResponse } from './label-preview-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PreviewRequest>) => void) | null;
  postMessage(message: PreviewResponse): void;
}
const scope = self as unknown as WorkerScope;

type RendererApi = Awaited<(typeof ZplRenderer)['ready']>['api'];
let renderer: Promise<RendererApi> | undefined;

scope.onmessage = (event) => {
  const request = event.data;
  renderer ??= import('zpl-renderer-js').then((module) => module.ready).then(({ api }) => api);
  renderer
    .then((api) =>
      api.zplToBase64MultipleAsync(
        request.zpl,
        request.widthMm,
        request.heightMm,
        request.dotsPerMm,
      ),
    )
    .then(
      (pngsBase64) => scope.postMessage({ id: request.id, ok: true, pngsBase64 }),
      (err: unknown) =>
        scope.postMessage({
          id: request.id,
          ok: false,
          message: err instanceof Error ? err.message : String(err),
        }),
    );
};
