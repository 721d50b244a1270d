// LWC rules as Salesforce recommends them for components; plain Node rules for the build and check scripts.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const globals = require('globals');

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      'test/generated/**',
      // Generated from shared/ by scripts/build-core.mjs; linted where it is written, in shared/.
      'force-app/main/default/lwc/csopsCore/csopsCore.js',
      'force-app/main/default/lwc/csopsValidation/csopsValidation.js',
    ],
  },
  ...lwcConfig.configs.recommended.map((config) => ({
    ...config,
    files: ['force-app/main/default/lwc/**/*.js'],
  })),
  {
    files: ['force-app/main/default/lwc/**/__tests__/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', 'test/**/*.js', '*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.jest },
    },
  },
  {
    files: ['scripts/**/*.js', 'test/**/*.js', '*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
];
