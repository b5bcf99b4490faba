import { z } from 'zod';

/** One wrong field of a refused request: its dotted path in the request (`branding.fontFamily`). */
export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/**
 * How every route of the plugin (content API and admin) answers an error: Strapi's own error
 * body, with each wrong field in `details.errors`. Strapi's own refusals (no token, a token
 * without the right) carry no `errors`; parsing gives them an empty list.
 */
export const ApiError = z.object({
  data: z.null(),
  error: z.object({
    status: z.number().int().min(400).max(599),
    name: z.string(),
    message: z.string(),
    details: z.object({ errors: z.array(FieldError).default([]) }),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
export type ApiErrorBody = z.input<typeof ApiError>;
