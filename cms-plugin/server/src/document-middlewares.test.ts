import type { Core } from '@strapi/strapi';
import { beforeEach, describe, expect, it } from 'vitest';
import { documentMiddlewares, registerDocumentMiddlewares } from './document-middlewares.ts';
import { UID } from './utils/uids.ts';

type Context = { uid: string; action: string; params: Record<string, unknown> };
type Middleware = (context: Context, next: () => Promise<unknown>) => Promise<unknown>;

/**
 * A Strapi stand-in with what the middlewares touch: the Document Service runs its middlewares
 * as Strapi's does (in registration order, each around the next), the database has one booking
 * and transactions that say when they commit, and the services record what they are told.
 */
function standIn() {
  const steps: string[] = [];
  const middlewares: Middleware[] = [];
  const stored = { documentId: 'b1', bookingStatus: 'scheduled', eta: null as unknown };
  let written: Record<string, unknown> | null = null;
  const services: Record<string, Record<string, unknown>> = {
    tracking: {
      etaForDeparture: async () => {
        steps.push('eta asked');
        return { currentEta: '2030-01-01T10:00:00.000Z' };
      },
      bookingChanged: () => steps.push('tracking told'),
    },
    'booking-events': {
      append: async () => void steps.push('events appended'),
      announce: () => steps.push('relays announced'),
    },
  };
  const strapi = {
    documents: { use: (middleware: Middleware) => void middlewares.push(middleware) },
    plugin: () => ({ service: (name: string) => services[name] }),
    db: {
      query: () => ({
        findOne: async () => ({
          documentId: stored.documentId,
          externalId: null,
          bookingStatus: stored.bookingStatus,
          start: '2030-01-01T09:00:00.000Z',
          end: '2030-01-01T11:00:00.000Z',
          resource: null,
          completedAt: null,
        }),
      }),
      transaction: async (
        work: (context: { onCommit: (hook: () => void) => void }) => Promise<unknown>,
      ) => {
        const hooks: (() => void)[] = [];
        steps.push('transaction opened');
        const result = await work({ onCommit: (hook) => hooks.push(hook) });
        steps.push('committed');
        for (const hook of hooks) hook();
        return result;
      },
    },
  };

  /** An update through the Document Service: every middleware, then the write. */
  function update(uid: string, data: Record<string, unknown>): Promise<unknown> {
    const context: Context = { uid, action: 'update', params: { documentId: 'b1', data } };
    const run = (index: number): Promise<unknown> => {
      const middleware = middlewares[index];
      if (middleware) return middleware(context, () => run(index + 1));
      steps.push('written');
      written = { ...data };
      if (typeof data.bookingStatus === 'string') stored.bookingStatus = data.bookingStatus;
      return Promise.resolve({ documentId: 'b1' });
    };
    return run(0);
  }

  return { strapi: strapi as unknown as Core.Strapi, steps, update, written: () => written };
}

describe('the Document Service middlewares', () => {
  let world: ReturnType<typeof standIn>;
  beforeEach(() => {
    world = standIn();
    registerDocumentMiddlewares(world.strapi);
  });

  it('are validation, consent, tracking and booking events, in that order', () => {
    expect(documentMiddlewares(world.strapi).map(({ name }) => name)).toEqual([
      'record validation',
      'consent',
      'tracking',
      'booking events',
    ]);
  });

  it('refuse a bad change before tracking asks for an ETA or the outbox opens a transaction', async () => {
    await expect(
      world.update(UID.booking, { bookingStatus: 'traveling', workOrder: null }),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    expect(world.steps).toEqual([]);
    expect(world.written()).toBeNull();
  });

  it('store a departure with its ETA and its events together, and tell tracking once it is committed', async () => {
    await world.update(UID.booking, { bookingStatus: 'traveling' });
    expect(world.steps).toEqual([
      'eta asked',
      'transaction opened',
      'written',
      'events appended',
      'committed',
      'relays announced',
      'tracking told',
    ]);
    expect(world.written()).toMatchObject({
      bookingStatus: 'traveling',
      currentEta: '2030-01-01T10:00:00.000Z',
    });
  });
});
