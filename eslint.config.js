/**
 * ESLint for every workspace (`npm run lint`, part of `npm test`): ESLint's and typescript-eslint's
 * recommended rules, and a few type-aware rules that catch real faults with promises, errors and
 * switches. Formatting is Prettier's (.prettierrc.json); unused files, exports and dependencies are
 * knip's (knip.json). Type information comes from one program over the whole repository
 * (tsconfig.eslint.json).
 */
const js = require('@eslint/js');
const { defineConfig, globalIgnores } = require('eslint/config');
const globals = require('globals');
const tseslint = require('typescript-eslint');

module.exports = defineConfig(
  globalIgnores([
    '**/dist/',
    '**/lib/',
    '**/coverage/',
    '**/cdktf.out/',
    '**/.mercato/',
    // Generated code: its generator is linted, its output is not.
    'constructs/src/generated/',
    'examples/cdktf/offerings/',
    'api/src/generated/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore says "unused on purpose"; `const { secret, ...rest } = row` drops a field.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: __dirname },
    },
    rules: {
      // `import type` says the import loads nothing at run time (start-up time is measured here).
      // `typeof import('x')` stays allowed: it types a module that is required lazily.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // ...and `import type { A }` rather than `import { type A }` when every name is a type.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // A module a command or a rare path needs is loaded where it is needed, so that start-up does
      // not pay for it (DESIGN.md: each command loads its code when it runs; bench/ measures it):
      // `const { x }: typeof import('m') = require('m')` inside the function (knip follows that form, not
      // `require('m') as typeof import('m')`, which is allowed too). What is checked instead is that such
      // a require is typed: a bare `require('m')` is `any`, and everything read from it goes unchecked.
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.name='require']:not(VariableDeclarator[id.typeAnnotation] > CallExpression.init, TSAsExpression > CallExpression.expression, TSAsExpression > MemberExpression > CallExpression.object)",
          message: "Type what a lazy require loads: const { x }: typeof import('m') = require('m').",
        },
      ],
      // Type-aware rules, each for a fault the compiler lets through:
      // a promise nobody awaits loses its rejection (an unhandled rejection ends the process);
      '@typescript-eslint/no-floating-promises': 'error',
      // an async function where the caller ignores the result (an event handler, a timer) or tests it;
      '@typescript-eslint/no-misused-promises': 'error',
      // `await` of a value that is not a promise: a missing call or a wrong type;
      '@typescript-eslint/await-thenable': 'error',
      // `return promise` inside try skips its catch and finally;
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // a thrown or rejected value that is not an Error has no stack and no message for the logs
      // (a caught error of unknown type, passed on as it is, stays allowed);
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      // a switch over a union without `default` that misses a member does nothing for it.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // The console's sources run in the browser and have their own program (DOM types, JSX).
    files: ['console/src/**', 'console/*.mts'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { project: './console/tsconfig.json', tsconfigRootDir: __dirname },
    },
  },
  {
    // Tests and benchmarks read JSON answers whose shape the assertions check; `any` is a reading aid there.
    files: ['**/test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Kysely's advice for migrations: `Kysely<any>`, since a migration must not depend on today's table types.
    files: ['server/src/db/*migration*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      // The JavaScript files are CommonJS scripts: require is how they import.
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-syntax': 'off',
    },
  },
);
