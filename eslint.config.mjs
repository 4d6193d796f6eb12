// ESLint for the TypeScript sources and tests (npm run lint; CI runs it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Non-null assertions state what detection guarantees (a mapped table has its columns); kept.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Modules loaded only when needed (the formula evaluator, ExcelJS, docx) keep a cold start fast: require() is deliberate.
      '@typescript-eslint/no-require-imports': 'off',
      // Control characters are matched on purpose (text pasted from Word and PDFs, outputs cleaned of them).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // The fakes of Excel and WPS keep the host object they stand for, as the vendors' types describe it.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
);
