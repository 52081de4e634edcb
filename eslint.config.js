// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The import rules of STYLE.md: each folder runs in one runtime and may
 * import only what that runtime has.
 */
const nodeBuiltins = { group: ['node:*'], message: 'This folder does not run in Node.' };
const electronImport = {
  name: 'electron',
  message: 'Only electron/ and preload/ may import electron.',
};
const dbusImport = { name: 'dbus-next', message: 'D-Bus belongs in daemon-bridge/.' };
const bridgeInternals = {
  // A regex, because gitignore-style globs cannot re-allow a file below an excluded folder.
  regex: 'daemon-bridge/(?!contract/)',
  message: 'Import only daemon-bridge/contract from here.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'out',
      'test-results',
      '**/*.js',
      '!eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.node.json',
          './tsconfig.renderer.json',
          './tsconfig.electron.json',
          './tsconfig.renderer-tests.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['eslint.config.js'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [electronImport, dbusImport], patterns: [nodeBuiltins, bridgeInternals] },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [dbusImport], patterns: [nodeBuiltins, bridgeInternals] },
      ],
    },
  },
  {
    files: ['daemon-bridge/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, dbusImport],
          patterns: [
            nodeBuiltins,
            {
              group: ['../*', '!../contract'],
              message: 'contract/ imports only contract files and zod.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['daemon-bridge/**/*.ts'],
    ignores: ['daemon-bridge/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            {
              group: ['react', 'react-dom', '**/renderer/**'],
              message: 'daemon-bridge is plain Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom'], message: 'electron/ holds no UI.' },
            {
              // renderer/i18n is plain text (the tray's and notifications' words); the rest is UI.
              regex: '(^|/)renderer/(?!i18n/)',
              message: 'electron/ holds no UI; from renderer/ it imports only renderer/i18n.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            { group: ['react', 'react-dom', '**/renderer/**'], message: 'sandbox/ is plain Node.' },
            {
              regex: 'daemon-bridge/(?!contract/|dbus/|rpm-ostree/profile\\.ts$)',
              message:
                'sandbox/ shares only the profile table, D-Bus helpers and contract types with daemon-bridge.',
            },
          ],
        },
      ],
    },
  },
);
