/**
 * Remembers what a pure computation gave for a key, up to `size` keys (the oldest is forgotten
 * first). For costly work that the portal repeats on every page: formatting the same booking,
 * sanitizing the same header, validating the same answer from Strapi.
 */
export function boundedMemo<V>(size: number): (key: string, compute: () => V) => V {
  const kept = new Map<string, V>();
  return (key, compute) => {
    if (kept.has(key)) return kept.get(key)!;
    const value = compute();
    if (kept.size >= size) kept.delete(kept.keys().next().value!);
    kept.set(key, value);
    return value;
  };
}
