// Mutation testing over lib/ (`npm run mutate`; not part of `npm test` or CI). See test/README.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  mutate: ['lib/**/*.ts', '!lib/**/types.ts'],
  coverageAnalysis: 'perTest',
  // Two cores, shared: one worker keeps the machine usable.
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // The per-test timeout on top of the dry run's own time: fake IndexedDB tests are slow under load.
  timeoutMS: 10000,
  thresholds: { high: 90, low: 85, break: null },
};
