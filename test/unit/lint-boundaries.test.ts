import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedRules(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('process boundaries are enforced by lint', () => {
  it.each([
    ['src-renderer/forbidden.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n"],
    ['src-renderer/forbidden.ts', "import fs from 'node:fs';\nvoid fs;\n"],
    ['src-renderer/forbidden.ts', "import fs from 'fs';\nvoid fs;\n"],
    ['src-renderer/forbidden.ts', "import { x } from '../src-main/web-host/server';\nvoid x;\n"],
    ['src-renderer/app/forbidden.ts', "import { x } from '../../src-server/app';\nvoid x;\n"],
    ['shared/forbidden.ts', "import path from 'node:path';\nvoid path;\n"],
    ['shared/forbidden.ts', "import { useState } from 'react';\nvoid useState;\n"],
    ['shared/forbidden.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['shared/forbidden.ts', "import { x } from '../src-renderer/main';\nvoid x;\n"],
    [
      'src-server/forbidden.ts',
      "import { x } from '../src-main/central/central-client';\nvoid x;\n",
    ],
    ['src-main/forbidden.ts', "import { x } from '../src-server/app';\nvoid x;\n"],
    ['src-backoffice/forbidden.ts', "import fs from 'node:fs';\nvoid fs;\n"],
    ['src-backoffice/app/forbidden.ts', "import { x } from '../../src-server/app';\nvoid x;\n"],
    ['src-backoffice/forbidden.ts', "import { x } from '../src-renderer/main';\nvoid x;\n"],
    ['src-server/forbidden.ts', "import { x } from '../src-backoffice/app/api';\nvoid x;\n"],
  ])('refuses a forbidden import in %s: %s', async (filePath, code) => {
    expect(await restrictedRules(filePath, code)).toContain('no-restricted-imports');
  });

  it('refuses DOM and Node globals in shared/', async () => {
    const rules = await restrictedRules(
      'shared/forbidden.ts',
      'export const w = document.title + String(process.pid);\n',
    );
    expect(rules.filter((r) => r === 'no-restricted-globals')).toHaveLength(2);
  });

  it('allows the imports each process is meant to use', async () => {
    expect(
      await restrictedRules(
        'src-renderer/ok.ts',
        "import { z } from 'zod';\nimport { x } from '../shared/station-api';\nvoid z; void x;\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedRules(
        'src-main/ok.ts',
        "import { app } from 'electron';\nimport fs from 'node:fs';\nvoid app; void fs;\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedRules(
        'src-server/ok.ts',
        "import fs from 'node:fs';\nimport { x } from '../shared/orders';\nvoid fs; void x;\n",
      ),
    ).toEqual([]);
  });
});
