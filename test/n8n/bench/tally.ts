/** The p-th percentile of the values (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** How often each expected address got a message, from what the providers received. */
export function tally(expected: string[], received: string[]) {
  const counts = new Map(expected.map((address) => [address, 0]));
  for (const address of received) {
    const count = counts.get(address);
    if (count !== undefined) counts.set(address, count + 1);
  }
  let duplicates = 0;
  let lost = 0;
  for (const count of counts.values()) {
    if (count === 0) lost += 1;
    if (count > 1) duplicates += count - 1;
  }
  return { duplicates, lost };
}
