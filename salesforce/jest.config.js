const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  setupFilesAfterEnv: [
    ...(jestConfig.setupFilesAfterEnv || []),
    '<rootDir>/test/jest-sa11y-setup.js',
  ],
  testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/test/generated/'],
  testTimeout: 15000,
};
