/** `npm run test:browser`: the browser walks of the real system in Chromium (test/e2e), kept out of `npm test`. */
const base = require('./jest.config');
module.exports = {
  ...base,
  roots: ['<rootDir>/test/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
};
