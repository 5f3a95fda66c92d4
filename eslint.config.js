// Lint enforces the process boundaries described in ../shared/STYLE.md: what runs in the browser
// never reaches for Node or Electron, and shared/ stays platform-neutral.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const nodeImportPatterns = [
  { regex: '^node:', message: 'Node built-ins are not available here.' },
  {
    regex: `^(${nodeBuiltins.map((m) => m.replace('/', '\\/')).join('|')})(\\/.*)?$`,
    message: 'Node built-ins are not available here.',
  },
];
const electronPattern = {
  regex: '^electron(\\/.*)?$',
  message: 'Electron belongs to src-main only.',
};
const srcPattern = (folder, why) => ({ regex: `(^|\\/)${folder}(\\/|$)`, message: why });

const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'HTMLElement',
  'Element',
  'location',
  'alert',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'data/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeImportPatterns,
            electronPattern,
            srcPattern('src-main', 'The renderer talks to main only through the station API.'),
            srcPattern('src-server', 'The renderer never imports central OMS code.'),
            srcPattern('src-backoffice', 'The station never imports back-office code.'),
          ],
        },
      ],
    },
  },
  {
    // The back office runs in the browser only and talks to the central OMS over HTTP.
    files: ['src-backoffice/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeImportPatterns,
            electronPattern,
            srcPattern('src-main', 'The back office never imports station code.'),
            srcPattern('src-renderer', 'The back office never imports station code.'),
            srcPattern('src-server', 'The back office talks to the central OMS over its HTTP API.'),
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'shared/ is platform-neutral: no React.' },
            { name: 'react-dom', message: 'shared/ is platform-neutral: no React.' },
          ],
          patterns: [
            ...nodeImportPatterns,
            electronPattern,
            srcPattern('src-main', 'shared/ may not import a process folder.'),
            srcPattern('src-renderer', 'shared/ may not import a process folder.'),
            srcPattern('src-server', 'shared/ may not import a process folder.'),
            srcPattern('src-backoffice', 'shared/ may not import a process folder.'),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({
          name,
          message: 'shared/ is platform-neutral: no DOM globals.',
        })),
        { name: 'process', message: 'shared/ is platform-neutral: no Node globals.' },
        { name: 'Buffer', message: 'shared/ is platform-neutral: use Uint8Array.' },
      ],
    },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronPattern,
            srcPattern('src-main', 'The central OMS never imports station code.'),
            srcPattern('src-renderer', 'The central OMS never imports station code.'),
            srcPattern(
              'src-backoffice',
              'The central OMS serves the built back office; it never imports it.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            srcPattern('src-server', 'The station never imports central OMS code; it talks HTTP.'),
            srcPattern('src-renderer', 'Main never imports renderer code.'),
            srcPattern('src-backoffice', 'The station never imports back-office code.'),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
);
