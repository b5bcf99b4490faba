/** Times the steps of a slow setup, for a line saying where its time went. */
export function stepTimer() {
  const took: [string, number][] = [];
  return {
    async timed<T>(step: string, work: () => Promise<T> | T): Promise<T> {
      const started = performance.now();
      try {
        return await work();
      } finally {
        took.push([step, (performance.now() - started) / 1000]);
      }
    },
    /** `<step> <seconds> s, …` in the order the steps ran. */
    summary(): string {
      return took.map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`).join(', ');
    },
  };
}
