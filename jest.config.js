/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }],
    // linkedom's dependencies below ship only as ES modules: node loads them through require(esm),
    // jest's module runtime cannot, so they are transpiled to CommonJS like our own files.
    '^.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, isolatedModules: true, diagnostics: false },
    ],
  },
  transformIgnorePatterns: [
    '^(?!.*/node_modules/(css-select|css-what|nth-check|boolbase|uhyphen|html-escaper|cssomnom|linkedom/node_modules/htmlparser2)/).*/node_modules/',
  ],
  // Type errors are caught once by `npm run typecheck`; ts-jest re-checking every file would double CI time.
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  maxWorkers: 2,
};
