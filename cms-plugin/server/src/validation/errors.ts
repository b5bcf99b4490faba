import type { z } from 'zod';
import type { ApiErrorBody, FieldError } from '../../../shared/contracts/errors.ts';

export type { FieldError };

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;

const NAMES: Record<ErrorStatus, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  422: 'ValidationError',
  429: 'RateLimitError',
};

/**
 * The one error body of every plugin route (`ApiError` in the contracts): Strapi's own shape,
 * with each wrong field in `details.errors`.
 */
export function errorBody(status: ErrorStatus, message: string, errors: FieldError[] = []) {
  return {
    data: null,
    error: { status, name: NAMES[status], message, details: { errors } },
  } satisfies ApiErrorBody;
}

/**
 * A request the plugin refuses, with every wrong field named. Controllers answer it with
 * `errorBody`.
 */
export class RequestError extends Error {
  readonly status: ErrorStatus;
  readonly errors: FieldError[];

  constructor(status: ErrorStatus, errors: FieldError[], message?: string) {
    super(message ?? errors.map((error) => `${error.path}: ${error.message}`).join('; '));
    this.status = status;
    this.errors = errors;
  }

  get body() {
    return errorBody(this.status, this.message, this.errors);
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
