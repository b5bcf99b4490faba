import { beforeAll, expect, it } from 'vitest';
import type { CustomerActionsView } from '../../shared/contracts/customer-actions.ts';
import { AvailablePortalView } from '../../shared/contracts/portal-view.ts';
import {
  SignInLink,
  TechnicianSession,
  TodaysVisits,
} from '../../shared/contracts/technician-app.ts';
import { inDays, putBooking } from '../support/fixtures.ts';
import type { Host } from '../support/host.ts';
import { writtenEvents } from '../support/outbox.ts';
import { onEveryDatabase } from '../support/suite.ts';
import { portalView, trackedBooking } from './support.ts';

async function viewOf(host: Host, code: string) {
  const answer = await portalView(host, code);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return AvailablePortalView.parse(answer.body);
}

async function customerOf(host: Host, code: string): Promise<CustomerActionsView> {
  const customer = (await viewOf(host, code)).customer;
  if (!customer) throw new Error('the view has no customer part');
  return customer;
}

const act = (host: Host, code: string, body: Record<string, unknown>) =>
  host.api('POST', `/portal/${code}/actions`, host.tokens.readOnly, body);

/** A booking in `days` days with its access code. */
async function bookingIn(host: Host, id: string, days: number) {
  const { booking, code } = await trackedBooking(host, id);
  const moved = await host.api('PATCH', `/bookings/${booking.documentId}`, host.tokens.fullAccess, {
    start: inDays(days),
    end: inDays(days, 2),
  });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  return { booking, code };
}

const problem = (body: unknown) => JSON.stringify(body);

onEveryDatabase('customer actions: confirm, ask for another time, cancel, note', (host) => {
  beforeAll(async () => {
    const saved = await host().admin('PUT', '/settings', {
      customerActions: {
        windows: [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
        daysAhead: 7,
        cancelCutoffHours: 24,
      },
    });
    expect(saved.status, problem(saved.body)).toBe(200);
  });

  it('confirms once: the page says so, a customer.confirmed event is written, a replay is refused', async () => {
    const { booking, code } = await bookingIn(host(), 'act-confirm', 3);
    const before = await customerOf(host(), code);
    expect(before.confirmedAt).toBeNull();
    const answer = await act(host(), code, { action: 'confirm', revision: before.revision });
    expect(answer.status, problem(answer.body)).toBe(200);
    const after = await customerOf(host(), code);
    expect(after.confirmedAt).not.toBeNull();
    expect(after.revision).not.toBe(before.revision);
    expect((await writtenEvents(host(), booking.documentId)).map((event) => event.type)).toContain(
      'customer.confirmed',
    );

    const replayed = await act(host(), code, { action: 'confirm', revision: before.revision });
    expect(replayed.status).toBe(409);
    expect(problem(replayed.body)).toContain('revision');

    const again = await act(host(), code, { action: 'confirm', revision: after.revision });
    expect(again.status, problem(again.body)).toBe(200);
    expect((await customerOf(host(), code)).confirmedAt).toBe(after.confirmedAt);
    const confirmations = (await writtenEvents(host(), booking.documentId)).filter(
      (event) => event.type === 'customer.confirmed',
    );
    expect(confirmations).toHaveLength(1);
  });

  it('shows the note on the technician app’s visit, and nowhere in the events sent out', async () => {
    const { booking, code } = await trackedBooking(host(), 'act-note');
    const { revision } = await customerOf(host(), code);
    const note = 'Gate code: blue heron, the dog is friendly';
    const answer = await act(host(), code, { action: 'note', revision, note });
    expect(answer.status, problem(answer.body)).toBe(200);
    expect((await customerOf(host(), code)).note).toBe(note);
    const rows = await host().database.select(
      'select type, payload from enroute_booking_events where booking_document_id = $1',
      [booking.documentId],
    );
    expect(rows.map((row) => row.type)).toContain('customer.note');
    for (const row of rows) expect(JSON.stringify(row.payload)).not.toContain('blue heron');

    const [resource] = await host().database.select(
      'select document_id from enroute_resources where external_id = $1',
      ['tech-act-note'],
    );
    const link = await host().admin(
      'POST',
      `/resources/${String(resource?.document_id)}/sign-in-links`,
    );
    expect(link.status, problem(link.body)).toBe(201);
    const token = SignInLink.parse(link.body.data).url.split('/tech/sign-in/')[1];
    const session = await host().api('POST', '/technician/sessions', '', { link: token });
    expect(session.status, problem(session.body)).toBe(201);
    const visits = await host().api(
      'GET',
      '/technician/visits',
      TechnicianSession.parse(session.body.data).token,
    );
    expect(TodaysVisits.parse(visits.body.data).visits).toEqual([
      expect.objectContaining({ documentId: booking.documentId, note }),
    ]);

    const tooLong = await act(host(), code, {
      action: 'note',
      revision: (await customerOf(host(), code)).revision,
      note: 'x'.repeat(501),
    });
    expect(tooLong.status).toBe(400);
    expect(problem(tooLong.body)).toContain('note');
  });

  it('records a request for an offered window; the dispatcher accepts it and the booking moves', async () => {
    const { booking, code } = await bookingIn(host(), 'act-move', 3);
    const before = await customerOf(host(), code);
    const window = before.windows[2];
    if (!window) throw new Error('no window offered');
    expect(before.windows).toHaveLength(7 * 2);
    const notOffered = await act(host(), code, {
      action: 'reschedule',
      revision: before.revision,
      window: { start: inDays(30), end: inDays(30, 1) },
    });
    expect(notOffered.status).toBe(409);
    expect(problem(notOffered.body)).toContain('window');

    const asked = await act(host(), code, {
      action: 'reschedule',
      revision: before.revision,
      window,
    });
    expect(asked.status, problem(asked.body)).toBe(200);
    const pending = (await customerOf(host(), code)).request;
    expect(pending).toMatchObject({ state: 'pending', window });
    expect((await writtenEvents(host(), booking.documentId)).map((event) => event.type)).toContain(
      'customer.reschedule_requested',
    );

    const seen = await host().admin('GET', `/bookings/${booking.documentId}/customer`);
    expect(seen.status, problem(seen.body)).toBe(200);
    expect(seen.body.data).toMatchObject({ request: { state: 'pending', window } });

    const accepted = await host().admin(
      'POST',
      `/bookings/${booking.documentId}/customer-request`,
      { decision: 'accept' },
    );
    expect(accepted.status, problem(accepted.body)).toBe(200);
    const view = await viewOf(host(), code);
    expect(Date.parse(view.booking.start)).toBe(Date.parse(window.start));
    expect(view.customer?.request).toMatchObject({ state: 'accepted' });
    expect(view.customer?.request?.decidedBy).toBeTruthy();
    expect((await writtenEvents(host(), booking.documentId)).map((event) => event.type)).toContain(
      'booking.rescheduled',
    );
    const again = await host().admin('POST', `/bookings/${booking.documentId}/customer-request`, {
      decision: 'decline',
    });
    expect(again.status).toBe(409);
  });

  it('takes a preference in words; the dispatch system declines it through the content API', async () => {
    const { booking, code } = await bookingIn(host(), 'act-words', 3);
    const { revision } = await customerOf(host(), code);
    const empty = await act(host(), code, { action: 'reschedule', revision });
    expect(empty.status).toBe(400);
    const asked = await act(host(), code, {
      action: 'reschedule',
      revision,
      preference: 'Any morning next week',
    });
    expect(asked.status, problem(asked.body)).toBe(200);
    const path = `/bookings/${booking.documentId}/customer-request`;
    const withoutTime = await host().api('POST', path, host().tokens.fullAccess, {
      decision: 'accept',
    });
    expect(withoutTime.status).toBe(400);
    expect(problem(withoutTime.body)).toContain('start');
    const readOnly = await host().api('POST', path, host().tokens.readOnly, {
      decision: 'decline',
    });
    expect(readOnly.status).toBe(403);
    const declined = await host().api('POST', path, host().tokens.fullAccess, {
      decision: 'decline',
    });
    expect(declined.status, problem(declined.body)).toBe(200);
    expect((await customerOf(host(), code)).request).toMatchObject({
      state: 'declined',
      preference: 'Any morning next week',
      decidedBy: 'integration',
    });
  });

  it('cancels before the cut-off through the booking status; refuses after it', async () => {
    const early = await bookingIn(host(), 'act-cancel', 3);
    const asked = await act(host(), early.code, {
      action: 'reschedule',
      revision: (await customerOf(host(), early.code)).revision,
      preference: 'Later in the month',
    });
    expect(asked.status, problem(asked.body)).toBe(200);
    const open = await customerOf(host(), early.code);
    expect(open.cancel.allowed).toBe(true);
    const canceled = await act(host(), early.code, { action: 'cancel', revision: open.revision });
    expect(canceled.status, problem(canceled.body)).toBe(200);
    expect((await viewOf(host(), early.code)).state).toBe('canceled');
    const types = (await writtenEvents(host(), early.booking.documentId)).map(
      (event) => event.type,
    );
    expect(types).toEqual(
      expect.arrayContaining(['booking.status_changed', 'customer.cancel_requested']),
    );
    const path = `/bookings/${early.booking.documentId}/customer-request`;
    const moveCanceled = await host().admin('POST', path, {
      decision: 'accept',
      start: inDays(5),
      end: inDays(5, 1),
    });
    expect(moveCanceled.status).toBe(409);
    expect(problem(moveCanceled.body)).toContain('canceled');
    expect((await host().admin('POST', path, { decision: 'decline' })).status).toBe(200);

    const late = await trackedBooking(host(), 'act-late');
    const closed = await customerOf(host(), late.code);
    expect(closed.cancel.allowed).toBe(false);
    const refused = await act(host(), late.code, { action: 'cancel', revision: closed.revision });
    expect(refused.status).toBe(409);
    expect(problem(refused.body)).toContain('call');
    expect((await viewOf(host(), late.code)).state).toBe('scheduled');
  });

  it('tells a customer how many of the technician’s visits come before theirs today, and nothing else', async () => {
    const first = await putBooking(host(), host().tokens.fullAccess, 'day-first', {
      start: inDays(0, 0.02),
      end: inDays(0, 1),
    });
    await putBooking(host(), host().tokens.fullAccess, 'day-second', {
      start: inDays(0, 0.03),
      end: inDays(0, 1),
      resource: 'tech-day-first',
    });
    const { booking, code } = await trackedBooking(host(), 'day-third');
    const moved = await host().api('PUT', '/bookings/booking-day-third', host().tokens.fullAccess, {
      workOrder: 'wo-day-third',
      resource: 'tech-day-first',
      start: inDays(0, 0.05),
      end: inDays(0, 2),
    });
    expect(moved.status, problem(moved.body)).toBeLessThan(300);
    expect(booking.documentId).toBeTruthy();
    const view = await viewOf(host(), code);
    expect(view.dayOrder).toMatchObject({ visitsBefore: 2 });
    expect(JSON.stringify(view)).not.toContain('WO-day-first');

    await host().api('PATCH', `/bookings/${first.booking.documentId}`, host().tokens.fullAccess, {
      status: 'completed',
    });
    expect((await viewOf(host(), code)).dayOrder).toMatchObject({ visitsBefore: 1 });
  });
});
