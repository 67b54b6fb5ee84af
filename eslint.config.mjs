// ESLint 9 flat config for the Node binding's JavaScript: the JS face
// (bindings-node/js), its tools and tests, the Node examples (and the scale-out
// one, linted by tests/scale-out.sh), benchmarks and
// cross-language tests.
// Run by tests/node.sh (`npm run lint`).
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: ['**/node_modules/**', 'target/**', 'bindings-node/native/*', '!bindings-node/native/index.cjs', '**/*.d.ts', '**/*.d.mts'],
  },
  js.configs.recommended,
  {
    files: ['bindings-node/**/*.{cjs,mjs,js}', 'examples/node/**/*.{cjs,mjs,js}', 'examples/scale-out/**/*.mjs', 'bench/**/*.mjs', 'tests/**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.node },
    },
    rules: {
      // `_`-prefixed arguments are kept for the shape of a callback.
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
];
