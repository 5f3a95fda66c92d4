// Compares one language's messages with the English reference: same keys (plural forms
// included: i18next picks `key_one`/`key_other` by count), same {{placeholders}} per key.
export type MessageTree = string | { [key: string]: MessageTree };

function flatten(tree: MessageTree, prefix = '', into = new Map<string, string>()) {
  if (typeof tree === 'string') into.set(prefix, tree);
  else
    for (const [key, value] of Object.entries(tree))
      flatten(value, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();

export function messageProblems(
  reference: MessageTree,
  translation: MessageTree,
  language: string,
): string[] {
  const want = flatten(reference);
  const have = flatten(translation);
  const problems: string[] = [];
  for (const [key, text] of want) {
    const translated = have.get(key);
    if (translated === undefined) problems.push(`${language}: ${key} is missing`);
    else if (translated.trim() === '') problems.push(`${language}: ${key} is empty`);
    else if (placeholders(translated).join() !== placeholders(text).join())
      problems.push(
        `${language}: ${key} has placeholders [${placeholders(translated).join(', ')}] instead of [${placeholders(text).join(', ')}]`,
      );
  }
  for (const key of have.keys())
    if (!want.has(key)) problems.push(`${language}: ${key} is not in en`);
  return problems.sort();
}
