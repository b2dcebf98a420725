// @ts-check
// ESLint flat config: the recommended JavaScript, TypeScript and Astro rules, without type
// information (type-aware linting took too long on a 2-core machine; `astro check` and `tsc`
// already check the types), plus size limits on the site's own code.
// Formatting is Prettier's job: eslint-config-prettier comes last and turns off every rule it owns.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Lines of code in one function, blank lines and comments not counted: doc comments that say why cost nothing. */
const MAX_FUNCTION_LINES = 80;
/** ESLint's cyclomatic complexity (each if, loop, case, catch, ternary, `&&`, `||`, `??`, `?.` and default value adds one). */
const MAX_COMPLEXITY = 15;

export default defineConfig([
  globalIgnores([
    'dist/',
    'dist.next/',
    'dist.previous/',
    '.build-cache/',
    '.astro/',
    '.cache/',
    'coverage/',
    'node_modules/',
    'bench/out/',
    'tests/fixtures/**/dist/',
    // Astro's cache and rendered articles beside a build made with OUT_DIR.
    '**/.astro-cache-*/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,

  {
    // Build scripts, config files and CI scripts run in Node.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      // Content safety and terminal output match control characters on purpose, always written as
      // `\x..` or `\u....` escapes, never as raw bytes.
      'no-control-regex': 'off',
    },
  },
  {
    // The site's own code stays in small functions. Tests and the bench get the recommended rules only:
    // a test reads best as one scenario from start to end.
    files: ['src/**/*.{ts,js,mjs,astro}'],
    rules: {
      'max-lines-per-function': ['error', { max: MAX_FUNCTION_LINES, skipBlankLines: true, skipComments: true }],
      complexity: ['error', { max: MAX_COMPLEXITY }],
    },
  },

  {
    // Tests read JSON-LD, Web Annotations and Pagefind data of open shape, as other software does.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  prettier,
]);
