import type { z } from 'zod';

/** "path: message" per issue, e.g. "from.lat: Too big: expected number to be <=90". */
export function describeIssues(error: z.ZodError, limit = 5): string[] {
  return error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}
