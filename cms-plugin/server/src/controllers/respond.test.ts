import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contracts/errors.ts';
import { errors } from '../utils/strapi-errors.ts';
import { RequestError } from '../validation/errors.ts';
import { respond, type Context } from './respond.ts';

function context(): Context {
  const ctx = {
    params: {},
    query: {},
    request: {},
    get: () => '',
    status: 404,
    body: undefined as unknown,
    state: {},
  };
  return ctx;
}

describe('respond', () => {
  it('answers a refusal of the plugin in the one error body', async () => {
    const ctx = context();
    await respond(ctx, async () => {
      throw new RequestError(409, [{ path: 'action', message: 'the code is blocked' }]);
    });
    expect(ctx.status).toBe(409);
    expect(ApiError.parse(ctx.body)).toEqual({
      data: null,
      error: {
        status: 409,
        name: 'ConflictError',
        message: 'action: the code is blocked',
        details: { errors: [{ path: 'action', message: 'the code is blocked' }] },
      },
    });
  });

  it("answers the record validation's refusal in the same body, with dotted paths", async () => {
    const ctx = context();
    await respond(ctx, async () => {
      throw new errors.ValidationError('mobilePhone is not valid', {
        errors: [{ path: ['contact', 'mobilePhone'], message: 'is not valid', name: 'X' }],
      });
    });
    expect(ctx.status).toBe(400);
    expect(ApiError.parse(ctx.body).error).toEqual({
      status: 400,
      name: 'ValidationError',
      message: 'mobilePhone is not valid',
      details: { errors: [{ path: 'contact.mobilePhone', message: 'is not valid' }] },
    });
  });

  it('lets any other failure through to Strapi', async () => {
    const ctx = context();
    await expect(
      respond(ctx, async () => {
        throw new Error('database gone');
      }),
    ).rejects.toThrow('database gone');
  });
});
