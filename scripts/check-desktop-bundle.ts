// The packaged desktop app carries only out/ (main, preload, renderer). This check fails the
// build when the main-process bundle starts importing packages at run time, which would drag
// node_modules (and with it server-only dependencies) into the installer.
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

// electron-builder.yml packs exactly these from node_modules (the spooler binding is loaded lazily).
const ALLOWED_RUNTIME_PACKAGES = new Set(['electron', '@printers/printers']);
const builtins = new Set(builtinModules);
const problems: string[] = [];

for (const dir of ['out/main', 'out/preload']) {
  for (const file of readdirSync(dir).filter((f) => /\.(c|m)?js$/.test(f))) {
    // Bundled libraries' doc comments show imports in examples ("* import { x } from 'y'"):
    // those lines are not code.
    const code = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join('\n');
    for (const match of code.matchAll(
      /(?:from\s+|import\(\s*|require\(\s*)["']([^"'./][^"']*)["']/g,
    )) {
      const specifier = match[1] ?? '';
      const name = specifier.startsWith('@')
        ? specifier.split('/').slice(0, 2).join('/')
        : (specifier.split('/')[0] ?? '');
      if (specifier.startsWith('node:') || builtins.has(name) || ALLOWED_RUNTIME_PACKAGES.has(name))
        continue;
      problems.push(`${dir}/${file} imports "${specifier}" at run time`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Desktop bundle check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('desktop bundle: main and preload import only electron and Node built-ins');
