// Translations: every folder of the back office keeps its words in messages/<language>.ts (its
// i18next namespace is the folder's name). A language is offered when app/messages has a file
// for it: adding German is dropping a de.ts beside each en.ts.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export type Messages = { [key: string]: string | Messages };

const files = import.meta.glob<{ default: Messages }>('../*/messages/*.ts', { eager: true });

/** `{ nl: { users: {...}, app: {...} } }` from the files found. */
export function collectResources(
  found: Record<string, { default: Messages }>,
): Record<string, Record<string, Messages>> {
  const resources: Record<string, Record<string, Messages>> = {};
  for (const [path, module] of Object.entries(found)) {
    const match = /\/([\w-]+)\/messages\/([\w-]+)\.ts$/.exec(path);
    if (!match) continue;
    const [, namespace, language] = match as unknown as [string, string, string];
    (resources[language] ??= {})[namespace] = module.default;
  }
  return resources;
}

export const resources = collectResources(files);
export const LANGUAGES = Object.keys(resources).filter((lng) => resources[lng]?.app);
export const NAMESPACES = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];
const CHOICE_KEY = 'backoffice.language';

export function chosenLanguage(): string | null {
  const stored = localStorage.getItem(CHOICE_KEY);
  return stored && LANGUAGES.includes(stored) ? stored : null;
}

function initialLanguage(): string {
  const browser = navigator.language.slice(0, 2);
  return chosenLanguage() ?? (LANGUAGES.includes(browser) ? browser : 'en');
}

export async function setLanguage(language: string, remember: boolean): Promise<void> {
  if (!LANGUAGES.includes(language)) return;
  if (remember) localStorage.setItem(CHOICE_KEY, language);
  await i18next.changeLanguage(language);
}

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'app',
  interpolation: { escapeValue: false },
});
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

export { i18next };
