// Shared jest configuration. The code base is ESM (Nest 12 ships as ESM), so jest runs with
// --experimental-vm-modules and @swc/jest compiles TypeScript with legacy decorators + metadata,
// as tsc does for the build.
const swcTs = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

/** @param {string} rootDir */
export function jestConfig(rootDir, overrides = {}) {
  return {
    rootDir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    // light-my-request (used by fastify's inject) requires cookie@2, which ships ESM only; jest's
    // CommonJS loader cannot require(esm) on Node 20, so that one package is compiled to CommonJS.
    transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
    transform: {
      '^.+\\.ts$': ['@swc/jest', swcTs],
      'node_modules/cookie/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
    },
    testTimeout: 30000,
    ...overrides,
  };
}
