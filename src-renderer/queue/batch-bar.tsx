// The queue's batch controls: how many orders a batch takes, start one, or go back to the
// station's unfinished batch. CMD:BATCH on the scanner does the same as the button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxBatchSize } from '../picking/batch-rules';
import { isBatchSize, useBatchSettings } from './batch-settings';

export function BatchBar(props: {
  openBatch: string | null;
  onPickBatch(): void;
  onResume(): void;
}) {
  const { t } = useTranslation();
  const size = useBatchSettings((s) => s.batchSize);
  const setSize = useBatchSettings((s) => s.setBatchSize);
  // The field keeps what is typed (even empty, mid-edit); the batch size takes only valid numbers.
  const [typed, setTyped] = useState(String(size));
  return (
    <div className="batch-bar">
      <label className="field batch-bar__size">
        <span className="field__label">{t('batch.size')}</span>
        <input
          className="field__input"
          type="number"
          min={1}
          max={maxBatchSize}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            const wanted = Number(e.target.value);
            if (isBatchSize(wanted)) setSize(wanted);
          }}
          onBlur={() => setTyped(String(size))}
          data-testid="batch-size"
        />
      </label>
      <button type="button" className="button" onClick={props.onPickBatch} data-testid="pick-batch">
        {t('batch.start', { count: size })}
      </button>
      {props.openBatch && (
        <button
          type="button"
          className="button button--warn"
          onClick={props.onResume}
          data-testid="resume-batch"
        >
          {t('batch.resume')}
        </button>
      )}
    </div>
  );
}
