import { RequestError, errorName } from '../validation/errors.ts';

/** The part of Koa's context the controllers use. */
export type Context = {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  status: number;
  body: unknown;
  state: { user?: { id?: number | string; email?: string } };
};

/**
 * Runs a controller body and answers; a refused request becomes Strapi's error shape, with
 * every wrong field in `details.errors`.
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
    if (!(error instanceof RequestError)) throw error;
    ctx.status = error.status;
    ctx.body = {
      data: null,
      error: {
        status: error.status,
        name: errorName(error.status),
        message: error.message,
        details: { errors: error.errors },
      },
    };
  }
}
