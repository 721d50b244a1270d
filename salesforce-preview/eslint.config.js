import globals from 'globals';
import { base } from '../eslint.base.js';

export default [
  ...base,
  // The platform modules and the page script run in the browser, compiled by the LWC compiler.
  {
    files: ['src/platform/**/*.js', 'src/host/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
];
