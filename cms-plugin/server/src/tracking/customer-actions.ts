import type { Core } from '@strapi/strapi';
import type {
  CustomerActionRequest,
  CustomerActionsView,
  RequestDecision,
  RescheduleRequest,
} from '../../../shared/contracts/customer-actions.ts';
import type { StoredSettings } from '../services/settings.ts';
import { getService } from '../utils/get-service.ts';
import {
  documents,
  instant,
  optionalInstant,
  query,
  relation,
  text,
  type Row,
} from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { RequestError } from '../validation/errors.ts';
import {
  cancelDeadline,
  customerRevision,
  isOffered,
  offeredWindows,
  storedRequest,
} from './customer-request.ts';

const POPULATE = {
  workOrder: {
    select: ['id', 'documentId'],
    populate: { serviceAccount: { select: ['id', 'documentId', 'timeZone'] } },
  },
};

const refused = (status: 404 | 409, path: string, message: string) =>
  new RequestError(status, [{ path, message }], status === 404 ? 'Not Found' : message);

function timeZoneOf(row: Row): string {
  return text(relation(relation(row.workOrder)?.serviceAccount)?.timeZone) ?? 'UTC';
}

/** The customer's side of a booking row, as the portal shows it. */
export function customerView(row: Row, settings: StoredSettings, now: Date): CustomerActionsView {
  const start = instant(row.start);
  const until = cancelDeadline(new Date(start), settings.customerActions);
  const scheduled = row.bookingStatus === 'scheduled';
  return {
    revision: customerRevision(row),
    confirmedAt: optionalInstant(row.customerConfirmedAt),
    request: storedRequest(row.customerRequest),
    note: text(row.customerNote),
    noteAt: optionalInstant(row.customerNoteAt),
    canceledAt: optionalInstant(row.customerCanceledAt),
    cancel: { allowed: scheduled && now < until, until: until.toISOString() },
    windows: scheduled
      ? offeredWindows(settings.customerActions, timeZoneOf(row), now, {
          start,
          end: instant(row.end),
        })
      : [],
  };
}

/**
 * What a customer answers from the booking's page, and a dispatcher's answer to their request.
 * Every change goes through the Document Service, so the booking events middleware writes the
 * `customer.*` events (and a cancel's or a move's message follows as for any other change).
 */
export function createCustomerActions(strapi: Core.Strapi) {
  const settings = () => getService('settings', { strapi }).read();
  const bookings = () => documents(strapi, UID.booking);
  const find = (documentId: string) =>
    query(strapi, UID.booking).findOne({ where: { documentId }, populate: POPULATE });

  async function view(documentId: string, now: Date): Promise<CustomerActionsView> {
    const row = await find(documentId);
    if (!row) throw refused(404, 'documentId', 'no such booking');
    return customerView(row, await settings(), now);
  }

  function changes(
    row: Row,
    request: CustomerActionRequest,
    stored: StoredSettings,
    now: Date,
  ): Record<string, unknown> {
    const status = String(row.bookingStatus);
    const at = now.toISOString();
    if (request.action === 'note') {
      if (status !== 'scheduled' && status !== 'traveling')
        throw refused(409, 'booking', `a ${status} visit takes no note`);
      return { customerNote: request.note || null, customerNoteAt: at };
    }
    if (status !== 'scheduled')
      throw refused(409, 'booking', `a ${status} visit cannot be changed`);
    // Confirmed once: the first time stands (and is the one event).
    if (request.action === 'confirm')
      return row.customerConfirmedAt ? {} : { customerConfirmedAt: at };
    if (request.action === 'cancel') {
      const until = cancelDeadline(new Date(instant(row.start)), stored.customerActions);
      if (now >= until) {
        throw refused(
          409,
          'booking',
          `can no longer be canceled online (the cut-off was ${until.toISOString()}): call the office`,
        );
      }
      return { bookingStatus: 'canceled', customerCanceledAt: at };
    }
    const window = request.window ?? null;
    if (window) {
      const offered = offeredWindows(stored.customerActions, timeZoneOf(row), now);
      if (!isOffered(window, offered)) throw refused(409, 'window', 'is not a window on offer');
    }
    const pending: RescheduleRequest = {
      window: window ? { start: instant(window.start), end: instant(window.end) } : null,
      preference: request.preference || null,
      requestedAt: at,
      state: 'pending',
      decidedBy: null,
      decidedAt: null,
    };
    return { customerRequest: pending };
  }

  return {
    view,

    /** A customer's answer through the access code of the page they read. */
    async act(
      bookingId: string,
      request: CustomerActionRequest,
      now = new Date(),
    ): Promise<CustomerActionsView> {
      const row = await find(bookingId);
      if (!row) throw refused(404, 'code', 'no such access code');
      if (request.revision !== customerRevision(row)) {
        throw refused(409, 'revision', 'the page has changed since: open it again');
      }
      const data = changes(row, request, await settings(), now);
      if (Object.keys(data).length > 0) await bookings().update({ documentId: bookingId, data });
      return view(bookingId, now);
    },

    /** A dispatcher accepts (the booking moves) or declines a pending request. */
    async decide(
      documentId: string,
      decision: RequestDecision,
      by: string,
      now = new Date(),
    ): Promise<CustomerActionsView> {
      const row = await find(documentId);
      if (!row) throw refused(404, 'documentId', 'no such booking');
      const request = storedRequest(row.customerRequest);
      if (request?.state !== 'pending') throw refused(409, 'booking', 'has no pending request');
      const decided = { ...request, decidedBy: by, decidedAt: now.toISOString() };
      if (decision.decision === 'decline') {
        await bookings().update({
          documentId,
          data: { customerRequest: { ...decided, state: 'declined' } },
        });
        return view(documentId, now);
      }
      const status = String(row.bookingStatus);
      if (status !== 'scheduled')
        throw refused(409, 'booking', `a ${status} visit cannot be moved: decline the request`);
      const start = decision.start ?? request.window?.start;
      const end = decision.end ?? request.window?.end;
      if (!start || !end) {
        throw new RequestError(400, [
          { path: 'start', message: 'give the new start and end: the customer asked in words' },
        ]);
      }
      if (Date.parse(end) < Date.parse(start))
        throw new RequestError(400, [{ path: 'end', message: 'must not be before start' }]);
      await bookings().update({
        documentId,
        data: {
          start: instant(start),
          end: instant(end),
          customerRequest: { ...decided, state: 'accepted' },
        },
      });
      return view(documentId, now);
    },
  };
}

export type CustomerActions = ReturnType<typeof createCustomerActions>;
