import { beforeAll, expect, it } from 'vitest';
import { PreparedBatch } from '../../shared/contracts/index.ts';
import { AvailablePortalView } from '../../shared/contracts/portal-view.ts';
import { QUIET_HOURS_OFF, inDays } from '../support/fixtures.ts';
import type { Host } from '../support/host.ts';
import { eventsOfType, writtenEvents } from '../support/outbox.ts';
import { onEveryDatabase } from '../support/suite.ts';
import { portalView, trackedBooking } from './support.ts';

const problem = (body: unknown) => JSON.stringify(body);

/** A booking in three days whose customer asked, from its page, for another time. */
async function askedToMove(host: Host, id: string) {
  const { booking, code } = await trackedBooking(host, id);
  const moved = await host.api('PATCH', `/bookings/${booking.documentId}`, host.tokens.fullAccess, {
    start: inDays(3),
    end: inDays(3, 2),
  });
  expect(moved.status, problem(moved.body)).toBe(200);
  const page = AvailablePortalView.parse((await portalView(host, code)).body);
  const asked = await host.api('POST', `/portal/${code}/actions`, host.tokens.readOnly, {
    action: 'reschedule',
    revision: page.customer?.revision,
    preference: 'Any morning next week',
  });
  expect(asked.status, problem(asked.body)).toBe(200);
  return { booking, code, start: page.booking.start };
}

/** The dispatcher declines in the admin; answers the event the flows get for it. */
async function decline(host: Host, bookingId: string) {
  const declined = await host.admin('POST', `/bookings/${bookingId}/customer-request`, {
    decision: 'decline',
  });
  expect(declined.status, problem(declined.body)).toBe(200);
  const events = await eventsOfType(host, bookingId, 'customer.reschedule_declined');
  const last = events.at(-1);
  if (!last) throw new Error('no customer.reschedule_declined event was written');
  return { event: last, count: events.length };
}

/** What the "request declined" flow asks of the plugin for one event. */
async function prepare(host: Host, event: unknown) {
  const answer = await host.api('POST', '/messaging/prepare/events', host.tokens.fullAccess, {
    type: 'request-declined',
    events: [event],
  });
  expect(answer.status, problem(answer.body)).toBe(200);
  return PreparedBatch.parse(answer.body);
}

onEveryDatabase('a declined request to move: "we could not move your appointment"', (host) => {
  beforeAll(async () => {
    const saved = await host().admin('PUT', '/settings', {
      ...QUIET_HOURS_OFF,
      portalBaseUrl: 'https://track.example.com',
      customerActions: {
        windows: [{ start: '08:00', end: '12:00' }],
        daysAhead: 7,
        cancelCutoffHours: 24,
      },
    });
    expect(saved.status, problem(saved.body)).toBe(200);
  });

  it('tells the customer once per channel, with the time kept and the link; a repeat sends nothing', async () => {
    const { booking, start } = await askedToMove(host(), 'declined-once');
    const { event, count } = await decline(host(), booking.documentId);
    expect(count).toBe(1);
    expect(event.booking.customer?.request).toMatchObject({ state: 'declined' });
    expect(Date.parse(event.booking.start)).toBe(Date.parse(start));

    const batch = await prepare(host(), event);
    expect(batch.skipped).toEqual([]);
    expect(batch.email).toHaveLength(1);
    expect(batch.sms).toHaveLength(1);
    const [email] = batch.email;
    const [sms] = batch.sms;
    // The contact reads French; the visit's time in Paris is what stays.
    const time = new Intl.DateTimeFormat('fr', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(start));
    expect(email?.to).toBe('camille@example.com');
    expect(email?.subject).toBe("Nous n'avons pas pu déplacer votre rendez-vous");
    expect(email?.text).toContain('Il reste prévu le');
    expect(email?.text).toContain(time);
    expect(email?.text).toMatch(/https:\/\/track\.example\.com\/t\/\S+/);
    expect(email?.html).toMatch(/href="https:\/\/track\.example\.com\/t\/[^"]+"/);
    // The calendar entry stands as it was: no invitation to change it.
    expect(email?.ics).toBeNull();
    expect(sms?.to).toBe('+33612345678');
    expect(sms?.body).toContain("nous n'avons pas pu déplacer votre rendez-vous");
    expect(sms?.body).toContain(time);
    expect(sms?.body).toMatch(/https:\/\/track\.example\.com\/t\/\S+/);

    // The same event again (a flow run twice), or delivered anew under another id: nothing more.
    const again = await prepare(host(), event);
    expect([...again.email, ...again.sms]).toEqual([]);
    const redelivered = await prepare(host(), { ...event, id: crypto.randomUUID() });
    expect([...redelivered.email, ...redelivered.sms]).toEqual([]);
    expect(redelivered.alreadyClaimed).toBe(2);
  });

  it('tells a second declined request of the same booking anew', async () => {
    const { booking, code } = await askedToMove(host(), 'declined-twice');
    const first = await decline(host(), booking.documentId);
    expect((await prepare(host(), first.event)).email).toHaveLength(1);

    const page = AvailablePortalView.parse((await portalView(host(), code)).body);
    expect(page.customer?.request).toMatchObject({ state: 'declined' });
    const asked = await host().api('POST', `/portal/${code}/actions`, host().tokens.readOnly, {
      action: 'reschedule',
      revision: page.customer?.revision,
      preference: 'An afternoon instead',
    });
    expect(asked.status, problem(asked.body)).toBe(200);
    const second = await decline(host(), booking.documentId);
    expect(second.count).toBe(2);
    const batch = await prepare(host(), second.event);
    expect(batch.email.map((email) => email.to)).toEqual(['camille@example.com']);
    expect(batch.sms).toHaveLength(1);
  });

  it('keeps the choices of settings saved before the message existed, and turns it on', async () => {
    const before = {
      reminder: true,
      traveling: false,
      completed: true,
      rescheduled: true,
      canceled: true,
    };
    const quiet = {
      enabled: false,
      start: '21:00',
      end: '08:00',
      wait: { ...before, traveling: true },
    };
    await host().database.execute(
      'update enroute_settings_entries set messages = $1, quiet_hours = $2',
      [JSON.stringify(before), JSON.stringify(quiet)],
    );
    const read = await host().admin('GET', '/settings');
    expect(read.status, problem(read.body)).toBe(200);
    expect(read.body.data).toMatchObject({
      messages: { ...before, 'request-declined': true },
      quietHours: { ...quiet, wait: { ...quiet.wait, 'request-declined': true } },
    });
    const restored = await host().admin('PUT', '/settings', {
      messages: { ...before, traveling: true, 'request-declined': true },
    });
    expect(restored.status, problem(restored.body)).toBe(200);
  });

  it('says nothing when the request is accepted: the rescheduled message tells the move', async () => {
    const { booking } = await askedToMove(host(), 'declined-not');
    const accepted = await host().admin(
      'POST',
      `/bookings/${booking.documentId}/customer-request`,
      { decision: 'accept', start: inDays(5), end: inDays(5, 2) },
    );
    expect(accepted.status, problem(accepted.body)).toBe(200);
    const types = (await writtenEvents(host(), booking.documentId)).map((one) => one.type);
    expect(types).toContain('booking.rescheduled');
    expect(types).not.toContain('customer.reschedule_declined');
  });
});
