const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');
const { writeLabelStubs } = require('./test/label-stubs');

writeLabelStubs();

module.exports = {
  ...jestConfig,
  setupFilesAfterEnv: [
    ...(jestConfig.setupFilesAfterEnv || []),
    '<rootDir>/test/jest-sa11y-setup.js',
  ],
  testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/test/generated/'],
  moduleNameMapper: {
    ...jestConfig.moduleNameMapper,
    '^@salesforce/label/c\\.(\\w+)$': '<rootDir>/test/generated/labels/$1',
  },
  testTimeout: 15000,
};
