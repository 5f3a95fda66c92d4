// Every change of on-hand stock goes through src-server/inventory/movements.ts, which writes the
// movement with it: no other server module inserts, updates or deletes `stock` rows.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const WRITES = [
  /insertInto\(\s*'stock'\s*\)/,
  /updateTable\(\s*'stock'\s*\)/,
  /deleteFrom\(\s*'stock'\s*\)/,
  /\binsert\s+into\s+stock\b/i,
  /\bupdate\s+stock\b/i,
  /\bdelete\s+from\s+stock\b/i,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('stock writes', () => {
  it('happen only in the inventory movements module (and the migrations)', () => {
    const writers = [...sources('src-server'), ...sources('shared')].filter(
      (path) =>
        !path.includes(join('db', 'migrations')) &&
        !path.endsWith(join('inventory', 'movements.ts')) &&
        WRITES.some((pattern) => pattern.test(readFileSync(path, 'utf8'))),
    );
    expect(writers).toEqual([]);
  });
});
