import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo.ts';

describe('bounded memo', () => {
  it('computes once per key and forgets the oldest key beyond its size', () => {
    const calls: string[] = [];
    const memo = boundedMemo<string>(2);
    const upper = (key: string) => memo(key, () => (calls.push(key), key.toUpperCase()));
    expect([upper('a'), upper('a'), upper('b')]).toEqual(['A', 'A', 'B']);
    expect(calls).toEqual(['a', 'b']);
    upper('c');
    upper('b');
    upper('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
