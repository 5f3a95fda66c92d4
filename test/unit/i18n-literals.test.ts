// No words reach a user from a .tsx file: JSX text and the title, placeholder, aria-label and
// alt attributes must come from t(). Text without letters (numbers, symbols, "·", "×") may stay.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const SHOWN_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'aria-description']);
// Not words to translate: units and key caps the hardware prints, and language names, which
// a language picker shows in their own language.
const NOT_WORDS = /\b(?:dpi|Enter|Tab|English|Nederlands|Deutsch|Français)\b/g;
const hasWords = (text: string) => /\p{L}{2,}/u.test(text.replace(NOT_WORDS, ''));

function tsxFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : [];
  });
}

/** `file:line "text"` for every user-visible literal in one .tsx source. */
export function shownLiterals(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${fileName}:${line + 1} "${text.trim()}"`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && SHOWN_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      const literal =
        value && ts.isStringLiteral(value)
          ? value
          : value &&
              ts.isJsxExpression(value) &&
              value.expression &&
              (ts.isStringLiteral(value.expression) ||
                ts.isNoSubstitutionTemplateLiteral(value.expression))
            ? value.expression
            : undefined;
      if (literal && hasWords(literal.text)) report(node, literal.text);
    }
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isStringLiteral(node.expression) ||
        ts.isNoSubstitutionTemplateLiteral(node.expression)) &&
      ts.isJsxElement(node.parent) &&
      hasWords(node.expression.text)
    )
      report(node, node.expression.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no user-visible literals in .tsx outside the translation files', () => {
  it.each(['src-renderer', 'src-backoffice'])('%s', (folder) => {
    const found = tsxFiles(join(root, folder)).flatMap((path) =>
      shownLiterals(relative(root, path), readFileSync(path, 'utf8')),
    );
    expect(found).toEqual([]);
  });

  it('catches JSX text, a title attribute and a string child, and lets symbols pass', () => {
    const source = `export const A = () => (
  <p title="Close window" aria-label={'Menu'} placeholder="—">
    Hello {'world'} {count} × · 12 dpi
    <span title={t('x')}>{t('y')}</span>
  </p>
);`;
    expect(shownLiterals('a.tsx', source)).toEqual([
      'a.tsx:2 "Close window"',
      'a.tsx:2 "Menu"',
      'a.tsx:3 "Hello"',
      'a.tsx:3 "world"',
    ]);
  });
});
