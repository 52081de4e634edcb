import { defineConfig } from 'vitest/config';
import { ReliabilityReporter } from './test/support/reliability/reporter.ts';

/**
 * Three tiers, one runner. Integration and e2e tests start real processes
 * (dbus-daemon, the sandbox daemon, ostree, Chromium), so they run one file
 * at a time to stay within a 2-core machine.
 */
export default defineConfig({
  test: {
    // One summary line per reliability family (issue #6) after the run.
    reporters: ['default', new ReliabilityReporter()],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
