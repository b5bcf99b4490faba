import { describe, expect, it } from 'vitest';
import { mapLimited } from './map-limited.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapLimited', () => {
  it('keeps the order of the items whatever order the work finishes in', async () => {
    const results = await mapLimited([5, 1, 4, 2, 3], 3, async (value) => {
      for (let wait = 0; wait < value; wait++) await tick();
      return value * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
  });

  it('never has more than the limit in flight, and uses all of it', async () => {
    let inFlight = 0;
    let most = 0;
    await mapLimited(
      Array.from({ length: 20 }, (_, index) => index),
      4,
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await tick();
        inFlight -= 1;
      },
    );
    expect(most).toBe(4);
  });

  it('throws the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      mapLimited([0, 1, 2, 3, 4, 5], 2, async (value) => {
        started.push(value);
        await tick();
        if (value === 1) throw new Error('booking 1 failed');
        return value;
      }),
    ).rejects.toThrow('booking 1 failed');
    expect(started).toEqual([0, 1, 2]);
  });

  it('answers nothing for nothing, and refuses a limit below 1', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
    await expect(mapLimited([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
