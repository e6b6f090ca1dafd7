// Lint: typescript-eslint's strict rules on the source and tests; Prettier owns the formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import path from 'node:path';

const featuresRoot = path.resolve('src/features');

/**
 * What code outside a feature may import of it: its index.ts (its services, registration and
 * types) and its domain/ (pure types and rules, which import no feature's services, so features
 * that share ids and types never load each other in a circle). Its data/, teams/ and use cases are
 * its own business, so a feature can change inside without breaking another.
 */
const featureBoundaries = {
  meta: {
    type: 'problem',
    messages: { internal: "Import '{{feature}}' through its index ('{{index}}') or its domain/, not its internals." },
  },
  create(context) {
    const fromFeature = path.relative(featuresRoot, context.filename).split(path.sep);
    const ownFeature = fromFeature[0] === '..' ? undefined : fromFeature[0];
    return {
      ImportDeclaration(node) {
        const spec = node.source.value;
        if (typeof spec !== 'string' || !spec.startsWith('.')) return;
        const target = path.relative(featuresRoot, path.resolve(path.dirname(context.filename), spec)).split(path.sep);
        if (target[0] === '..' || target[0] === ownFeature || target.length === 1) return;
        if ((target.length === 2 && target[1] === 'index') || target[1] === 'domain') return;
        const index = path.relative(path.dirname(context.filename), path.join(featuresRoot, target[0])) || '.';
        context.report({ node: node.source, messageId: 'internal', data: { feature: target[0], index } });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    files: ['src/**/*.ts', 'tests/**/*.ts'],
    plugins: { house: { rules: { 'feature-boundaries': featureBoundaries } } },
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
      'house/feature-boundaries': 'error',
      // Type-only imports vanish from the JavaScript, so features that only name each other's types never load each other.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
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
    rules: { 'no-console': 'off', '@typescript-eslint/no-dynamic-delete': 'off', 'house/feature-boundaries': 'off' },
  },
);
