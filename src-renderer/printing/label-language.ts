// Labels print in the language the station shows at that moment: the signed-in packer's.
import i18next from 'i18next';
import { labelLocale, type LabelLocale } from '../../shared/labels/label-words';

export function stationLabelLocale(): LabelLocale {
  return labelLocale(i18next.language);
}
