import { useTranslation } from 'react-i18next';
import type { PendingItem } from './intake-rules';
import { homeBin, type BinIndex } from './restock-bins';

interface Props {
  pending: PendingItem;
  productName: string;
  bins: BinIndex;
  nameOf(sku: string): string;
  onConfirm(bin: string): void;
}

/** The restock step: the home bin to put the unit in, and the warning for a bin of other SKUs. */
export function RestockBinPrompt({ pending, productName, bins, nameOf, onConfirm }: Props) {
  const { t } = useTranslation();
  const home = homeBin(bins, pending.sku);
  const foreign = pending.binToConfirm;
  return (
    <div className="prompt restock-prompt" data-testid="restock-prompt">
      <p className="prompt__title">{t('returns.scanBinFor', { name: productName })}</p>
      <p className="restock-prompt__home" data-testid="home-bin" data-bin={home ?? ''}>
        {home ? t('returns.homeBin', { bin: home }) : t('returns.noHomeBin')}
      </p>
      {foreign && (
        <div className="problem" data-testid="foreign-bin" data-bin={foreign}>
          <p>
            {t('returns.binHoldsOther', {
              bin: foreign,
              others: bins
                .skusIn(foreign)
                .filter((sku) => sku !== pending.sku)
                .map(nameOf)
                .join(', '),
            })}
          </p>
          <button
            type="button"
            className="button button--warn"
            onClick={() => onConfirm(foreign)}
            data-testid="confirm-bin"
          >
            {t('returns.confirmBin', { bin: foreign })}
          </button>
        </div>
      )}
    </div>
  );
}
