/** `npm run test:reliability`: long runs (SIGKILL loops, fuzzing, the access matrix) kept out of `npm test`. */
const base = require('./jest.config');
module.exports = {
  ...base,
  roots: ['<rootDir>/test/reliability'],
  testPathIgnorePatterns: [],
  testTimeout: 600_000,
};
