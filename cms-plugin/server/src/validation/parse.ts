import type { z } from 'zod';
import { fromZod } from './errors.ts';

/** Parses input at the boundary; a failure becomes a 400 naming each wrong field. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  prefix = '',
): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZod(result.error, prefix);
  return result.data;
}
