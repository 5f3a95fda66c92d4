import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ssccHumanReadable } from '../../shared/gs1/sscc';
import type { Carton } from '../../shared/sync/documents';
import { manualScale } from './scale-driver';
import { checkWeight, expectedCartonWeight } from './weight-rules';

interface Props {
  cartons: readonly Carton[];
  activeCartonId: string | null;
  unitWeights: ReadonlyMap<string, number>;
  nameOf(sku: string): string;
  editable: boolean;
  onSelect(cartonId: string): void;
  onMove(fromCartonId: string, itemIndex: number, toCartonId: string): void;
  onWeigh(cartonId: string, grams: number | null): void;
  onRemove(cartonId: string): void;
}

/** The shipment's cartons side by side: contents, moves between cartons, weight against expected. */
export function CartonList(props: Props) {
  const { t, i18n } = useTranslation();
  const grams = (value: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'gram' }).format(value);
  return (
    <div className="cartons" data-testid="cartons">
      {props.cartons.map((carton, index) => {
        const expected = expectedCartonWeight(carton, props.unitWeights);
        const check =
          carton.weightGrams === null ? null : checkWeight(expected, carton.weightGrams);
        const active = carton.id === props.activeCartonId;
        return (
          <section
            key={carton.id}
            className={`carton${active ? ' carton--active' : ''}`}
            data-testid={`carton-${index + 1}`}
            aria-label={t('pack.cartonN', { number: index + 1 })}
          >
            <header className="carton__header">
              <button
                type="button"
                className="button button--quiet"
                disabled={!props.editable}
                onClick={() => props.onSelect(carton.id)}
              >
                {t('pack.cartonN', { number: index + 1 })} · {carton.boxType}
              </button>
              <span className="code carton__sscc">{ssccHumanReadable(carton.sscc)}</span>
            </header>
            <ul className="carton__items">
              {carton.items.map((item, itemIndex) => (
                <li
                  key={`${item.lineId}-${item.lot}-${item.serial}-${item.expiry}`}
                  data-sku={item.sku}
                >
                  <span className="carton__qty">
                    {item.quantity.toLocaleString(i18n.language)} ×
                  </span>{' '}
                  {props.nameOf(item.sku)}
                  {(item.lot || item.serial || item.expiry) && (
                    <span className="muted">
                      {' '}
                      {[
                        item.lot && t('pack.lot', { lot: item.lot }),
                        item.expiry && t('pack.expiry', { date: item.expiry }),
                        item.serial && t('pack.serial', { serial: item.serial }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  )}
                  {props.editable &&
                    props.cartons.map((other, otherIndex) =>
                      other.id === carton.id ? null : (
                        <button
                          key={other.id}
                          type="button"
                          className="button button--small"
                          onClick={() => props.onMove(carton.id, itemIndex, other.id)}
                        >
                          {t('pack.moveTo', { number: otherIndex + 1 })}
                        </button>
                      ),
                    )}
                </li>
              ))}
              {carton.items.length === 0 && <li className="muted">{t('pack.emptyCarton')}</li>}
            </ul>
            <footer className="carton__weight">
              <span>{t('pack.expectedWeight', { weight: grams(expected) })}</span>
              {props.editable && (
                <WeightField
                  cartonNumber={index + 1}
                  weight={carton.weightGrams}
                  onWeigh={(g) => props.onWeigh(carton.id, g)}
                />
              )}
              {check && (
                <span
                  className={check.ok ? 'weight weight--ok' : 'weight weight--off'}
                  data-testid={`weight-check-${index + 1}`}
                  data-ok={check.ok}
                >
                  {check.ok
                    ? t('pack.weightOk', { weight: grams(carton.weightGrams ?? 0) })
                    : t('pack.weightOff', {
                        weight: grams(carton.weightGrams ?? 0),
                        min: grams(check.minGrams),
                        max: grams(check.maxGrams),
                      })}
                </span>
              )}
              {props.editable && carton.items.length === 0 && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => props.onRemove(carton.id)}
                >
                  {t('pack.removeCarton')}
                </button>
              )}
            </footer>
          </section>
        );
      })}
    </div>
  );
}

/** Typed weight (the manual scale driver): grams, or kilograms with "kg". Enter records it. */
function WeightField(props: {
  cartonNumber: number;
  weight: number | null;
  onWeigh(grams: number | null): void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(props.weight === null ? '' : String(props.weight));
  return (
    <form
      className="weight-field"
      onSubmit={(e) => {
        e.preventDefault();
        const input = e.currentTarget.elements.namedItem('weight') as HTMLInputElement;
        void manualScale(() => input.value)
          .read()
          .then((reading) => props.onWeigh(reading?.grams ?? null));
      }}
    >
      <label>
        <span className="visually-hidden">
          {t('pack.weightLabel', { number: props.cartonNumber })}
        </span>
        <input
          name="weight"
          className="field__input weight-field__input"
          inputMode="decimal"
          autoComplete="off"
          placeholder={t('pack.weightPlaceholder')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          data-testid={`weight-${props.cartonNumber}`}
        />
      </label>
    </form>
  );
}
