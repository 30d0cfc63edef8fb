// Mutation testing over lib/ (`npm run mutate`; not part of `npm test` or CI). See test/README.md.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: ['lib/**/*.ts', '!lib/**/types.ts'],
  coverageAnalysis: 'perTest',
  // Two cores, shared: one worker keeps the machine usable.
  concurrency: 1,
  incremental: true,
  // One file for every run: a run over one folder (`-- --mutate 'lib/transcript/**'`) keeps the
  // other folders' results from earlier runs, so folder-by-folder runs add up to all of lib/.
  incrementalFile: 'reports/stryker-incremental.json',
  // Mutants in module-level constants (regexes, host lists, messages) force a run of every
  // related test file each: 15 % of the mutants, 70 % of the time. `--ignoreStatic false` includes them.
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // On top of a test's own time: generous, so that a slow test on a busy machine is not counted as a kill.
  timeoutMS: 10000,
  dryRunTimeoutMinutes: 20,
  thresholds: { high: 90, low: 85, break: null },
};
