import { base } from '../eslint.base.js';
import globals from 'globals';

export default [
  ...base,
  {
    // App functions are CommonJS: HubSpot loads them with require().
    files: ['src/app/functions/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
