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

const ESM_ONLY_REQUIRED = ['cookie', 'content-disposition', '@apidevtools/json-schema-ref-parser'];

/** @param {string} rootDir */
export function jestConfig(rootDir, overrides = {}) {
  return {
    rootDir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    testMatch: [
      '<rootDir>/src/**/*.spec.ts',
      '<rootDir>/test/**/*.spec.ts',
      '<rootDir>/test/**/*.e2e-spec.ts',
    ],
    // Some CommonJS dependencies require() packages that now ship ESM only (light-my-request → cookie@2,
    // @fastify/static → content-disposition@2). Node 20 itself can require(esm), jest's loader cannot,
    // so those few packages are compiled to CommonJS for the tests.
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_REQUIRED.join('|')})/)`],
    transform: {
      '^.+\\.ts$': ['@swc/jest', swcTs],
      [`node_modules/(${ESM_ONLY_REQUIRED.join('|')})/.+\\.js$`]: [
        '@swc/jest',
        { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
      ],
    },
    testTimeout: 30000,
    ...overrides,
  };
}
