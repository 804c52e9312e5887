import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.cache/', 'docs/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // src/ is the covenant in code: it may not depend on Teams or the bot (DESIGN.md, "Shape of the code").
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder*', '@microsoft/*', 'restify', 'adaptivecards*'],
              message: 'src/ imports nothing from Teams packages.',
            },
            { group: ['**/bot/**', '**/cards/**'], message: 'src/ imports nothing from bot/ or cards/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/bot/**'], message: 'cards/ may import src/ types only.' }] },
      ],
    },
  },
);
