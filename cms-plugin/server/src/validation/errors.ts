import type { z } from 'zod';

export type FieldError = { path: string; message: string };

/**
 * A request the plugin refuses, with every wrong field named. Controllers turn it into
 * Strapi's error body: `{ data: null, error: { status, name, message, details: { errors } } }`.
 */
export class RequestError extends Error {
  readonly status: 400 | 404 | 409 | 422;
  readonly errors: FieldError[];

  constructor(status: 400 | 404 | 409 | 422, errors: FieldError[], message?: string) {
    super(message ?? errors.map((error) => `${error.path}: ${error.message}`).join('; '));
    this.status = status;
    this.errors = errors;
  }
}

export const invalid = (path: string, message: string) =>
  new RequestError(400, [{ path, message }]);

export const notFound = (path: string, message: string) =>
  new RequestError(404, [{ path, message }]);

export function fromZod(error: z.ZodError, prefix = ''): RequestError {
  return new RequestError(
    400,
    error.issues.map((issue) => ({
      path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
      message: issue.message,
    })),
  );
}

export function errorName(status: number): string {
  if (status === 404) return 'NotFoundError';
  if (status === 409) return 'ConflictError';
  return 'ValidationError';
}
