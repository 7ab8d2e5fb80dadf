import { defineConfig } from 'vitest/config';

// Builds the fixture site once for the projects that read it (tests/support/fixture-site-setup.ts).
const fixtureSite = 'tests/support/fixture-site-setup.ts';

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on the 2-core machine the suite
    // must finish on, so the unit and site files ran one at a time. Two workers took 75-77 s for
    // them against 80-113 s with one, back to back on a machine busy with other builds. The build
    // project still runs its files one at a time, after the others.
    maxWorkers: 2,
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        // Full builds of small catalogues in temporary folders, each taking a few seconds, one at
        // a time: every build rewrites the project's .astro/content-modules.mjs, the list of entry
        // modules, so two at once could render each other's entries.
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // Checks over the fixture site's built pages, feeds and data files.
        test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: fixtureSite },
      },
      {
        // Headless Debian Chromium against the fixture site. Each file starts its own server on a
        // free port and its own browser, so files run beside the unit tests rather than in the
        // one-file-at-a-time queue after them, with the builds.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: fixtureSite,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      // The browser part of `npm run gates` (keyboard use, pages under the CSP): run by the gate
      // runner with ACCORD_GATES=1, and left out of a plain `vitest run` so it runs once.
      ...(process.env['ACCORD_GATES']
        ? [
            {
              test: {
                name: 'gates',
                include: ['tests/gates/**/*.test.ts'],
                testTimeout: 60_000,
                hookTimeout: 60_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
