import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import {
  BookingChange,
  BookingInput,
  ContactInput,
  ResourceInput,
  ServiceAccountInput,
  ServiceTypeInput,
  WorkOrderInput,
  type Upserted,
} from '../../../shared/contracts/integration.ts';
import type { RecordsService, Upsert } from '../services/records.ts';
import { getService } from '../utils/get-service.ts';
import { invalid } from '../validation/errors.ts';
import { parseInput } from '../validation/parse.ts';
import { respond, type Context } from './respond.ts';

function param(ctx: Context, name: string): string {
  const value = ctx.params[name]?.trim();
  if (!value) throw invalid(name, 'is required');
  if (value.length > 255) throw invalid(name, 'must be at most 255 characters');
  return value;
}

/** PUT by externalId: 201 when created, 200 when it existed. */
function put<Schema extends z.ZodType>(
  strapi: Core.Strapi,
  schema: Schema,
  write: (records: RecordsService, externalId: string, input: z.infer<Schema>) => Promise<Upsert>,
) {
  return (ctx: Context) =>
    respond(ctx, async () => {
      const externalId = param(ctx, 'externalId');
      const input = parseInput(schema, ctx.request.body);
      const data = await write(getService('records', { strapi }), externalId, input);
      return { status: data.created ? 201 : 200, body: { data } satisfies Upserted };
    });
}

export const createRecordsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  putServiceAccount: put(strapi, ServiceAccountInput, (records, id, input) =>
    records.putServiceAccount(id, input),
  ),
  putContact: put(strapi, ContactInput, (records, id, input) => records.putContact(id, input)),
  putServiceType: put(strapi, ServiceTypeInput, (records, id, input) =>
    records.putServiceType(id, input),
  ),
  putResource: put(strapi, ResourceInput, (records, id, input) => records.putResource(id, input)),
  putWorkOrder: put(strapi, WorkOrderInput, (records, id, input) =>
    records.putWorkOrder(id, input),
  ),
  putBooking: put(strapi, BookingInput, (records, id, input) => records.putBooking(id, input)),

  changeBooking: (ctx: Context) =>
    respond(ctx, async () => {
      const documentId = param(ctx, 'documentId');
      const change = parseInput(BookingChange, ctx.request.body);
      const data = await getService('records', { strapi }).changeBooking(documentId, change);
      return { body: { data } satisfies Upserted };
    }),
});
