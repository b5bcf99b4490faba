import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'start',
    include: ['*.test.ts'],
    // A group of its own (Vitest runs groups one after the other), ahead of the group of the
    // projects that run one file at a time: the plugin's and the end-to-end tests and, where
    // Vitest has one worker (two cores, as in CI), every other project. Only where it runs
    // several workers does the group of the other projects go first, side by side. So the whole stack builds
    // and starts here alone on the machine; its builds go to a scratch folder of its own, so
    // nothing another test built can stand in for one of its build steps.
    sequence: { groupOrder: 1 },
    // Two starts, the first with every build (a few minutes on two cores).
    testTimeout: 20 * 60_000,
    hookTimeout: 120_000,
  },
});
