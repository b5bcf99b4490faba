import type { Core } from '@strapi/strapi';
import { consentMiddleware } from './consent/middleware.ts';
import { bookingEventsMiddleware } from './events/middleware.ts';
import { trackingMiddleware } from './tracking/middleware.ts';
import { getService } from './utils/get-service.ts';
import { recordValidationMiddleware } from './validation/record-middleware.ts';

type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];

/**
 * Every Document Service middleware of the plugin, in the order they are registered. Strapi runs
 * them in that order, each around the ones after it, so the order decides what each one sees:
 *
 * 1. **Record validation**, outermost: a refused change stops here, before anything else works on
 *    it (no ETA is asked of a provider, no transaction is opened, no event is written); what it
 *    normalises (E.164 phone numbers) is what the others and the database get.
 * 2. **Consent**: a change of a contact's opt-outs appends to its consent record, or is refused
 *    (an opt-in nobody asked for), before anything is written.
 * 3. **Tracking**: before the write it adds a departure's ETA to the change (the "on the way"
 *    message reads it from the booking); after the write it drops cached reads and tells open live
 *    streams. It sits outside the booking events' transaction so that this happens once the change
 *    is committed, never with what another connection cannot see yet.
 * 4. **Booking events**, innermost: one transaction around the write and its outbox events, so a
 *    change and its events are stored together or not at all.
 */
export function documentMiddlewares(
  strapi: Core.Strapi,
): { name: string; middleware: DocumentMiddleware }[] {
  const events = () => getService('booking-events', { strapi });
  return [
    { name: 'record validation', middleware: recordValidationMiddleware() },
    { name: 'consent', middleware: consentMiddleware(strapi) },
    { name: 'tracking', middleware: trackingMiddleware(strapi) },
    {
      name: 'booking events',
      middleware: bookingEventsMiddleware(
        strapi,
        (appended) => events().append(appended),
        () => events().announce(),
      ),
    },
  ].map(({ name, middleware }) => ({ name, middleware: middleware as DocumentMiddleware }));
}

/** Registers the plugin's Document Service middlewares (in `register`, as Strapi recommends). */
export function registerDocumentMiddlewares(strapi: Core.Strapi): void {
  for (const { middleware } of documentMiddlewares(strapi)) strapi.documents.use(middleware);
}
