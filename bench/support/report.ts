// Benchmarks print their figures and keep the latest in docs/benchmarks.md, one `## ` section each.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');

/**
 * Replaces the section that starts with `## <heading>` (or appends it), leaving the others alone,
 * and formats the file as the lint checks it (tables aligned).
 */
export async function writeBenchmarkSection(heading: string, section: string): Promise<void> {
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`## ${escaped}\\n[\\s\\S]*?(?=\\n## |$)`);
  const body = section.trimEnd() + '\n';
  const next = pattern.test(current)
    ? current.replace(pattern, body)
    : `${current.trimEnd()}\n\n${body}`;
  const options = (await resolveConfig(DOC)) ?? {};
  writeFileSync(DOC, await format(next, { ...options, filepath: DOC }));
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}
