import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'start',
    include: ['*.test.ts'],
    // After the unit tests' group and before the sequential group (the plugin's and the
    // end-to-end tests): the whole stack builds and starts here, alone on the machine. Its
    // builds go to a scratch folder of its own, so nothing another test built can stand in.
    sequence: { groupOrder: 1 },
    // Two starts, the first with every build (a few minutes on two cores).
    testTimeout: 20 * 60_000,
    hookTimeout: 120_000,
  },
});
