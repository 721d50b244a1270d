import { base } from '../eslint.base.js';
import globals from 'globals';

export default [
  // The data-model package lints itself (hubspot-app/model is a workspace of its own).
  { ignores: ['model/**'] },
  ...base,
  {
    // App functions are CommonJS: HubSpot loads them with require(); so are test and bench helpers beside them.
    files: ['src/app/functions/**/*.js', 'test/**/*.cjs', 'bench/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
