// Shows a label exactly as the printer will draw it, from the same ZPL the queue sends.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewDpi, PreviewResponse } from './label-preview-protocol';
import { previewRequest } from './label-preview-protocol';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (response: PreviewResponse) => void>();

/** One worker for the whole station, created on the first preview. */
function previewWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./label-preview-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<PreviewResponse>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    };
  }
  return worker;
}

export function renderLabelPreview(zpl: string, dpi: PreviewDpi = 203): Promise<PreviewResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    previewWorker().postMessage(previewRequest(id, zpl, dpi));
  });
}

type PreviewState =
  { phase: 'loading' } | { phase: 'ready'; pngs: string[] } | { phase: 'error'; message: string };

export function LabelPreview({ zpl, dpi = 203 }: { zpl: string; dpi?: PreviewDpi }) {
  const { t } = useTranslation();
  const [state, setState] = useState<PreviewState>({ phase: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ phase: 'loading' });
    void renderLabelPreview(zpl, dpi).then((response) => {
      if (!current) return;
      setState(
        response.ok
          ? { phase: 'ready', pngs: response.pngsBase64 }
          : { phase: 'error', message: response.message },
      );
    });
    return () => {
      current = false;
    };
  }, [zpl, dpi]);

  if (state.phase === 'loading')
    return <p className="label-preview label-preview--loading">{t('printing.previewLoading')}</p>;
  if (state.phase === 'error')
    return (
      <p className="message message--error">
        {t('printing.previewError', { message: state.message })}
      </p>
    );
  return (
    <div className="label-preview">
      {state.pngs.map((png, i) => (
        <img
          key={i}
          className="label-preview__page"
          src={`data:image/png;base64,${png}`}
          alt={t('printing.previewAlt', { page: i + 1 })}
        />
      ))}
    </div>
  );
}
