/** Jest runs TypeScript through ts-jest (transpile only; `npm run typecheck` checks types).
 * Several bpmn-io packages ship ES modules only, so they are transpiled too. */
const esmPackages = [
  'bpmn-moddle',
  'moddle',
  'moddle-xml',
  'min-dash',
  'saxen',
  '@bpmn-io',
  'zeebe-bpmn-moddle',
  'dmn-moddle',
  '@lezer',
  'feelin',
  '@camunda/camunda-api-zod-schemas',
  'lezer-feel',
  'luxon',
  'openid-client',
  'oauth4webapi',
  'jose',
  // EDS: pkijs 4 and asn1js 4 ship ES modules only.
  'pkijs',
  'asn1js',
  'bytestreamjs',
  '@peculiar/utils',
  '@noble',
];
module.exports = {
  // Node's environment on a plain V8 context: globals at full speed (test/support/node-environment.ts).
  testEnvironment: '<rootDir>/test/support/node-environment.ts',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The reliability suite (SIGKILL loops, fuzzing) runs on its own: `npm run test:reliability`;
  // so do the browser walks of the real system: `npm run test:browser`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/', '<rootDir>/test/e2e/'],
  transform: {
    '^.+\\.[tj]sx?$': [
      'ts-jest',
      {
        tsconfig: {
          isolatedModules: true,
          module: 'commonjs',
          moduleResolution: 'node10',
          allowJs: true,
          esModuleInterop: true,
          target: 'ES2022',
          verbatimModuleSyntax: false,
        },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  testTimeout: 30000,
  // One folder per run: a diagram deployed by many test files is linted once (test/support/lint-once.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
