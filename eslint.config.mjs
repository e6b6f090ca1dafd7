// Lint: typescript-eslint's strict rules on the source and tests; Prettier owns the formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    files: ['src/**/*.ts', 'tests/**/*.ts'],
    rules: {
      // botbuilder belongs to the Teams platform folder alone.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'botbuilder is imported only under src/platform/teams.' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-console': 'error',
      // Control characters are matched on purpose: to refuse them in keys, settings and inbound text.
      'no-control-regex': 'off',
      // With noUncheckedIndexedAccess, `rows[0]!` after a length check is the idiom, not a smell.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/platform/teams/**/*.ts', 'tests/**/*.ts', 'src/tools/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts', 'src/tools/**/*.ts'],
    // Tests and tools prune environment variables by name and print to the console.
    rules: { 'no-console': 'off', '@typescript-eslint/no-dynamic-delete': 'off' },
  },
);
