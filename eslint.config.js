// Lint rules, including the dependency rule of DESIGN.md (also checked by test/unit/architecture.test.ts).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'stream',
  'util',
  'http',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.tmp/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  {
    // plain JS launchers and configs run in Node
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'src-shared is pure TypeScript: no Node.' },
            {
              group: ['electron', 'react', 'react-dom', 'better-sqlite3', 'kysely'],
              message: 'src-shared imports no runtime.',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**', '../../src-*'],
              message: 'src-shared imports nothing of ours.',
            },
          ],
        },
      ],
    },
  },
  {
    // "Now" comes from the app clock (src-main/clock.ts), which tests and demos pin: a service that
    // reads the system clock makes a test that passes on Friday and fails on Monday.
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Read the app clock: now() from src-main/clock.ts.' },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'Only src-main/electron may import electron.' },
            { group: ['**/src-renderer/**'], message: 'src-main never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    // One way to reach the data (issue 20): services are async over Kysely with typed rows; the
    // raw driver lives only in src-main/db/ (connections, migrations, the bulk writers).
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/db/**', 'src-main/electron/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSTypeLiteral',
          message: 'No `as {…}` casts: let Kysely type the row (or parse with a zod schema).',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|pragma|backup)$/]',
          message: 'Raw driver calls live in src-main/db/: use Kysely (ws.kysely or a transaction).',
        },
        {
          selector: "MemberExpression[property.name=/^(db|openJobConnection)$/][object.name='ws']",
          message: 'Services reach the data through ws.kysely (or ws.withJobDb), never the raw connection.',
        },
        {
          selector: "TSTypeReference[typeName.name='Sqlite']",
          message: 'The raw SQLite handle belongs to src-main/db/: take a Kysely<Database>.',
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', ...nodeBuiltins, 'electron'],
              message: 'The renderer talks to the app only through the API.',
            },
          ],
        },
      ],
    },
  },
);
