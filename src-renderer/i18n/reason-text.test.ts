import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { REASON_CODES, REASON_PARAMS, reason } from '../../shared/reasons/reason';
import { en } from './en';
import { nl } from './nl';
import { reasonText } from './reason-text';

async function translator(language: 'en' | 'nl') {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, nl: { translation: nl } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const sample = (code: (typeof REASON_CODES)[number]) =>
  Object.fromEntries(REASON_PARAMS[code].map((name) => [name, `<${name}>`]));

describe('reasons in the packer’s language', () => {
  it.each(REASON_CODES)(
    '%s has an English and a Dutch text using exactly its parameters',
    (code) => {
      const params = REASON_PARAMS[code] as readonly string[];
      for (const messages of [en, nl]) {
        const template = (messages.reason as Record<string, string>)[code];
        expect(template, code).toBeTruthy();
        const placeholders = [...template!.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
        expect(new Set(placeholders)).toEqual(new Set(params));
      }
    },
  );

  it.each(REASON_CODES)('%s reaches a Dutch packer in Dutch, not in English', async (code) => {
    const [dutch, english] = [await translator('nl'), await translator('en')];
    const sentence = 'The English sentence that travelled with the code.';
    const said = reasonText(dutch, { code, params: sample(code) }, sentence);
    expect(said).not.toBe(sentence);
    expect(said).not.toBe(reasonText(english, { code, params: sample(code) }, sentence));
  });

  it('says a refused shipment in Dutch and in English from its code, whatever the sentence', async () => {
    const overPacked = reason('over_packed', { sku: 'TEA', packed: 3, ordered: 2 });
    const sentence = 'More of TEA packed than ordered (3 of 2).';
    expect(reasonText(await translator('nl'), overPacked, sentence)).toBe(
      'Meer TEA ingepakt dan besteld (3 van 2)',
    );
    expect(reasonText(await translator('en'), overPacked, sentence)).toBe(
      'More TEA packed than ordered (3 of 2)',
    );
  });

  it('fills every parameter in Dutch: no placeholder is left in any text', async () => {
    const t = await translator('nl');
    for (const code of REASON_CODES) {
      const text = reasonText(t, { code, params: sample(code) }, 'English sentence');
      expect(text).not.toContain('{{');
      for (const name of REASON_PARAMS[code]) expect(text).toContain(`<${name}>`);
    }
  });

  it('shows the sentence of an old document that has no code, and of a code it does not know', async () => {
    const t = await translator('nl');
    expect(reasonText(t, null, 'The order was cancelled centrally.')).toBe(
      'The order was cancelled centrally.',
    );
    expect(reasonText(t, undefined, null)).toBe('—');
    expect(reasonText(t, { code: 'from_the_future', params: {} }, 'A newer reason.')).toBe(
      'A newer reason.',
    );
  });
});
