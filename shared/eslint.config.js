import { base } from '../eslint.base.js';

export default [
  ...base,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      // The core is pure: no I/O, no clock, no platform.
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'http', 'https', '@hubspot/*', 'lightning/*', 'react'] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'time is a parameter (asOf)',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'time is a parameter (asOf)',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'the core is deterministic',
        },
      ],
    },
  },
];
