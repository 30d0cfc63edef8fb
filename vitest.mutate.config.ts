import { mergeConfig } from 'vitest/config';
import unit from './vitest.config';

// The unit tests as Stryker runs them (npm run mutate). Code with every mutant behind a
// switch runs several times slower, so a big parse can outlast vitest's 5 s default; and a
// fresh happy-dom per test file was most of the initial run's time (7 of 8 minutes on a busy machine).
export default mergeConfig(unit, { test: { testTimeout: 60_000, isolate: false } });
