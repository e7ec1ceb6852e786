// Lint for Rolecall: type-aware TypeScript rules everywhere, plus the two architecture rules:
// 1. src/renderer and src/shared never import electron, node:* or a Node built-in (they run in a page);
// 2. only the IPC wrapper (src/main/ipc/electron-ipc.ts) and the preload touch ipcMain, ipcRenderer or
//    contextBridge.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ipcWrapperFiles = ['src/main/ipc/electron-ipc.ts', 'src/preload/preload.ts'];

const rawIpcImports = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer', 'contextBridge'],
  message: 'Use the IPC wrapper (src/main/ipc/electron-ipc.ts) or the preload; raw IPC stays there.',
};

const pageOnlyImports = {
  paths: [
    { name: 'electron', message: 'The renderer and shared code run in a page: no Electron. Ask main through the API.' },
    ...builtinModules.map((name) => ({ name, message: 'The renderer and shared code run in a page: no Node built-ins.' })),
  ],
  patterns: [{ group: ['node:*'], message: 'The renderer and shared code run in a page: no Node built-ins.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      'no-restricted-imports': ['error', { paths: [rawIpcImports] }],
    },
  },
  {
    files: ipcWrapperFiles,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pageOnlyImports] },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'The preload reads no process.env.' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off', 'no-empty-pattern': 'off' },
  },
  {
    files: ['*.js', '*.mjs', 'scripts/**/*.mjs', '*.config.ts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, parserOptions: { projectService: false } },
  },
);
