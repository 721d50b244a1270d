// Adds expect(element).toBeAccessible() (axe rules as Salesforce applies them) to every test.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
