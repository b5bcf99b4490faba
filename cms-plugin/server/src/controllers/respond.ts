import { errors } from '../utils/strapi-errors.ts';
import { RequestError, type FieldError } from '../validation/errors.ts';

/** The part of Koa's context the controllers use. */
export type Context = {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  /** A request header's value ('' when absent). */
  get(name: string): string;
  status: number;
  body: unknown;
  state: { user?: { id?: number | string; email?: string } };
};

/**
 * The wrong fields of Strapi's ValidationError (thrown by the plugin's record validation, or by
 * Strapi for a unique value), with their paths dotted as the plugin's routes answer them.
 */
function fieldErrors(details: unknown): FieldError[] {
  const listed = (details as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(listed)) return [];
  return listed.flatMap((error: { path?: unknown; message?: unknown }) =>
    typeof error?.message === 'string'
      ? [
          {
            path: [error.path ?? []].flat().map(String).join('.') || '(body)',
            message: error.message,
          },
        ]
      : [],
  );
}

/**
 * Runs a controller body and answers; a refused request, whether the plugin or the Document
 * Service refused it, becomes the plugin's one error body (`ApiError`), with every wrong field in
 * `details.errors`.
 */
export async function respond(
  ctx: Context,
  handler: () => Promise<{ status?: number; body: unknown }>,
): Promise<void> {
  try {
    const { status = 200, body } = await handler();
    ctx.status = status;
    ctx.body = body;
  } catch (error) {
    const refusal =
      error instanceof RequestError
        ? error
        : error instanceof errors.ValidationError
          ? new RequestError(400, fieldErrors(error.details), error.message)
          : null;
    if (!refusal) throw error;
    ctx.status = refusal.status;
    ctx.body = refusal.body;
  }
}
