// Every messages set speaks all four languages: a key missing in one language, a key only one
// language has, or a placeholder that a translation dropped or renamed fails here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABEL_WORDS, labelLocaleSchema } from '../../shared/labels/label-words';
import { EMAIL_LOCALES, EMAIL_WORDS } from '../../src-server/notifications/email/email-words';
import { TEAM_ALERT_WORDS } from '../../src-server/notifications/alerts/team-alert-words';
import { SUBSCRIPTION_EMAIL_WORDS } from '../../src-server/subscriptions/subscription-email-words';
import { PURCHASE_ORDER_WORDS } from '../../src-server/replenishment/purchase-order-words';
import { SELF_SERVICE_PAGE_WORDS } from '../../src-server/subscriptions/self-service-copy';
import { messageProblems, type MessageTree } from './i18n-messages';

const LANGUAGES = ['en', 'nl', 'de', 'fr'];
const root = join(__dirname, '..', '..');

async function load(file: string): Promise<MessageTree> {
  const module = (await import(file)) as Record<string, MessageTree>;
  return module.default ?? Object.values(module)[0]!;
}

describe('station messages (src-renderer/i18n)', () => {
  const folder = join(root, 'src-renderer', 'i18n');
  it('has a file for each of the four languages', () => {
    const files = readdirSync(folder).filter((f) => /^[a-z]{2}\.ts$/.test(f));
    expect(files.map((f) => f.slice(0, 2)).sort()).toEqual([...LANGUAGES].sort());
  });
  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s has every key and placeholder of en',
    async (lng) => {
      const en = await load(join(folder, 'en.ts'));
      expect(messageProblems(en, await load(join(folder, `${lng}.ts`)), lng)).toEqual([]);
    },
  );
});

describe('back office messages (src-backoffice/*/messages)', () => {
  const folders = readdirSync(join(root, 'src-backoffice'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, 'src-backoffice', d.name, 'messages'))
    .filter((folder) => {
      try {
        return readdirSync(folder).includes('en.ts');
      } catch {
        return false;
      }
    });
  it('finds the namespaces', () => {
    expect(folders.length).toBeGreaterThanOrEqual(10);
  });
  for (const folder of folders) {
    const namespace = folder.split(/[\\/]/).at(-2)!;
    it.each(LANGUAGES)(`${namespace}: %s is complete`, async (lng) => {
      expect(readdirSync(folder)).toContain(`${lng}.ts`);
      const en = await load(join(folder, 'en.ts'));
      expect(messageProblems(en, await load(join(folder, `${lng}.ts`)), lng)).toEqual([]);
    });
  }
});

/** Word tables with functions: call each with sample arguments and compare what comes out. */
function sampled(words: unknown): MessageTree {
  if (typeof words === 'string') return words;
  if (typeof words === 'function') {
    const args = Array.from({ length: words.length }, (_, i) => `{{arg${i}}}`);
    return String((words as (...a: unknown[]) => unknown)(...args));
  }
  return Object.fromEntries(
    Object.entries(words as Record<string, unknown>).map(([k, v]) => [k, sampled(v)]),
  );
}

describe('label words (shared/labels)', () => {
  it('speaks the four languages', () => {
    expect([...labelLocaleSchema.options].sort()).toEqual([...LANGUAGES].sort());
  });
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every word and placeholder of en', (lng) => {
    const words = LABEL_WORDS as Record<string, unknown>;
    expect(messageProblems(sampled(words.en), sampled(words[lng]), lng)).toEqual([]);
  });
});

describe('customer e-mail words (src-server/notifications/email)', () => {
  it('speaks the four languages', () => {
    expect([...EMAIL_LOCALES].sort()).toEqual([...LANGUAGES].sort());
  });
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every word and placeholder of en', (lng) => {
    const words = EMAIL_WORDS as Record<string, unknown>;
    expect(messageProblems(sampled(words.en), sampled(words[lng]), lng)).toEqual([]);
  });
});

/** Per-language word tables of the other e-mails and customer pages, each `Record<EmailLocale, words>`. */
const EMAIL_WORD_TABLES: Record<string, Record<string, unknown>> = {
  'purchase order e-mail (src-server/replenishment)': PURCHASE_ORDER_WORDS,
  'team alert e-mails (src-server/notifications/alerts)': TEAM_ALERT_WORDS,
  'subscription e-mails (src-server/subscriptions)': SUBSCRIPTION_EMAIL_WORDS,
  'subscription self-service page (src-server/subscriptions)': SELF_SERVICE_PAGE_WORDS,
};

for (const [name, table] of Object.entries(EMAIL_WORD_TABLES))
  describe(`${name} words`, () => {
    it('speaks the four languages', () => {
      expect(Object.keys(table).sort()).toEqual([...LANGUAGES].sort());
    });
    it.each(LANGUAGES.filter((l) => l !== 'en'))(
      '%s has every word and placeholder of en',
      (lng) => {
        expect(messageProblems(sampled(table.en), sampled(table[lng]), lng)).toEqual([]);
      },
    );
  });

describe('messageProblems', () => {
  it('names a missing key, an extra key and a dropped placeholder', () => {
    const en = { a: 'A {{n}}', b: { c: 'C' }, n_one: 'one', n_other: '{{count}}' };
    const de = { a: 'A', b: {}, x: 'X', n_one: 'eins', n_other: '{{count}}' };
    expect(messageProblems(en, de, 'de')).toEqual([
      'de: a has placeholders [] instead of [n]',
      'de: b.c is missing',
      'de: x is not in en',
    ]);
  });
  it('names a missing plural form', () => {
    const en = { n_one: 'one', n_other: '{{count}}' };
    expect(messageProblems(en, { n_other: '{{count}}' }, 'fr')).toEqual(['fr: n_one is missing']);
  });
});
