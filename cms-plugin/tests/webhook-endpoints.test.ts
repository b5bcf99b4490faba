import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookingEventTypes } from '../shared/contracts/vocabulary.ts';
import { SettingsView } from '../shared/contracts/settings.ts';
import { putBooking } from './support/fixtures.ts';
import { eventually, startReceiver, type Receiver } from './support/receiver.ts';
import { readBacklog, patchBooking } from './support/outbox.ts';
import { onEveryDatabase } from './support/suite.ts';

const SECRET = 'enroute-test-webhook-secret';

onEveryDatabase('booking events: several webhook endpoints', (host) => {
  let fullAccess = '';
  let all: Receiver;
  let statuses: Receiver;
  let migratedBooking = '';
  let allId = '';

  beforeAll(async () => {
    all = await startReceiver(SECRET);
    statuses = await startReceiver(SECRET);
    fullAccess = host().tokens.fullAccess;
  });
  afterAll(async () => {
    await all?.close();
    await statuses?.close();
  });

  const settings = async () => {
    const answer = await host().admin('GET', '/settings');
    expect(answer.status).toBe(200);
    return SettingsView.parse(answer.body.data);
  };
  const backlog = () => readBacklog(host());
  const patch = (bookingId: string, change: Record<string, unknown>) =>
    patchBooking(host(), fullAccess, bookingId, change);
  /** Event types a receiver accepted for one booking, in the order it accepted them. */
  const typesFor = (receiver: Receiver, bookingId: string) =>
    receiver
      .accepted()
      .filter((event) => event.booking.documentId === bookingId)
      .map((event) => `${event.type}:${event.booking.status}`);
  /** The events written for one booking, as `type:status`, in the order they happened. */
  const written = async (bookingId: string, types: readonly string[] = bookingEventTypes) =>
    (
      await host().database.select(
        'select type, payload from enroute_booking_events where booking_document_id = $1 order by id',
        [bookingId],
      )
    )
      .filter((row) => types.includes(String(row.type)))
      .map((row) => {
        const payload = (
          typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
        ) as { booking: { status: string } };
        return `${String(row.type)}:${payload.booking.status}`;
      });

  it('moves a webhook URL stored by an older version into one endpoint, with what waited for it', async () => {
    // Events are written while no endpoint exists, then the older version's single URL is
    // put back in the database, as it was stored before endpoint lists.
    const secret = await host().admin('PUT', '/settings', { webhookSecret: SECRET });
    expect(secret.status).toBe(200);
    const { booking } = await putBooking(host(), fullAccess, 'migrated');
    migratedBooking = booking.documentId;
    await host().kill();
    await host().database.execute(
      'update enroute_settings_entries set webhook_url = $1, webhooks = null',
      [all.url],
    );
    await host().start();

    const view = await settings();
    expect(view.webhooks).toHaveLength(1);
    expect(view.webhooks[0]).toMatchObject({
      url: all.url,
      enabled: true,
      events: [...bookingEventTypes],
    });
    expect(view.webhookUrl).toBe(all.url);
    allId = view.webhooks[0]?.id ?? '';
    await eventually(
      () => typesFor(all, migratedBooking).length > 0,
      () => 'the event written before the move never arrived',
    );
    expect(typesFor(all, migratedBooking)).toEqual(['booking.created:scheduled']);
    // Started again, nothing is moved twice.
    await host().kill();
    await host().start();
    expect((await settings()).webhooks.map((endpoint) => endpoint.id)).toEqual([allId]);
  });

  it('refuses endpoints with a URL that is not http(s) or an unknown event type', async () => {
    const answer = await host().admin('PUT', '/settings', {
      webhooks: [
        { name: 'FTP', url: 'ftp://n8n.example.com/hook', events: ['booking.created'] },
        { name: 'Typo', url: 'https://n8n.example.com/hook', events: ['booking.canceled'] },
        { name: 'Nothing', url: 'https://n8n.example.com/hook', events: [] },
      ],
    });
    expect(answer.status).toBe(400);
    const paths = answer.body.error?.details?.errors?.map((error) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining(['webhooks.0.url', 'webhooks.1.events.0', 'webhooks.2.events']),
    );
    expect((await settings()).webhooks.map((endpoint) => endpoint.id)).toEqual([allId]);
  });

  it('delivers each event to every endpoint that wants it, once, in order, whichever fails', async () => {
    await patch(migratedBooking, { status: 'traveling' });
    await eventually(
      () => typesFor(all, migratedBooking).length === 2,
      () => JSON.stringify(typesFor(all, migratedBooking)),
    );
    const saved = await host().admin('PUT', '/settings', {
      webhooks: [
        { id: allId, name: 'Everything', url: all.url, events: [...bookingEventTypes] },
        { name: 'Status flows', url: statuses.url, events: ['booking.status_changed'] },
      ],
    });
    expect(saved.status).toBe(200);
    expect(JSON.stringify(saved.body)).not.toContain(SECRET);
    const view = SettingsView.parse(saved.body.data);
    expect(view.webhooks.map((endpoint) => endpoint.name)).toEqual(['Everything', 'Status flows']);
    expect(view.webhooks[0]?.id).toBe(allId);
    const statusesId = view.webhooks[1]?.id;

    statuses.fail();
    const ids: string[] = [];
    for (const name of ['two-a', 'two-b', 'two-c']) {
      const { booking } = await putBooking(host(), fullAccess, name);
      ids.push(booking.documentId);
    }
    for (const id of ids) await patch(id, { status: 'traveling' });
    for (const id of ids)
      await patch(id, {
        start: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        end: new Date(Date.now() + 5 * 86_400_000 + 3_600_000).toISOString(),
      });
    for (const id of ids) await patch(id, { status: 'completed' });

    // The endpoint that answers gets everything while the other one keeps failing.
    for (const id of ids) {
      const expected = await written(id);
      await eventually(
        () => typesFor(all, id).length >= expected.length,
        () => `${id}: ${JSON.stringify(typesFor(all, id))}`,
      );
      expect(typesFor(all, id)).toEqual(expected);
    }
    await eventually(
      () => statuses.deliveries.filter((d) => d.status === 503).length >= ids.length,
      () => `${statuses.deliveries.length} attempts at the failing endpoint`,
    );
    const during = await backlog();
    const failing = during.endpoints.find((endpoint) => endpoint.id === statusesId);
    expect(failing).toMatchObject({ pending: 6, lastError: 'HTTP 503' });
    expect(failing?.retrying).toBeGreaterThanOrEqual(1);
    expect(during.endpoints.find((endpoint) => endpoint.id === allId)?.pending).toBe(0);
    const sentToAll = all.deliveries.length;

    statuses.recover();
    for (const id of ids) {
      const expected = await written(id, ['booking.status_changed']);
      expect(expected).toEqual([
        'booking.status_changed:traveling',
        'booking.status_changed:completed',
      ]);
      await eventually(
        () => typesFor(statuses, id).length >= expected.length,
        () => `${id}: ${JSON.stringify(typesFor(statuses, id))}`,
      );
      expect(typesFor(statuses, id)).toEqual(expected);
    }
    // The recovered endpoint's retries sent nothing again to the other one.
    expect(all.deliveries.length).toBe(sentToAll);
    expect(all.deliveries.every((d) => d.accepted)).toBe(true);
    // An endpoint added later is not sent what happened before it existed.
    expect(typesFor(statuses, migratedBooking)).toEqual([]);
    expect(await backlog()).toMatchObject({ pending: 0, retrying: 0 });
  });

  it('sends an endpoint that lists statuses only the status changes to them', async () => {
    const refused = await host().admin('PUT', '/settings', {
      webhooks: [
        { id: allId, name: 'Everything', url: all.url, events: [...bookingEventTypes] },
        { name: 'Bad', url: statuses.url, events: ['booking.status_changed'], statuses: ['gone'] },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.details?.errors?.map((error) => error.path)).toEqual([
      'webhooks.1.statuses.0',
    ]);
    const saved = await host().admin('PUT', '/settings', {
      webhooks: [
        { id: allId, name: 'Everything', url: all.url, events: [...bookingEventTypes] },
        {
          name: 'Traveling flow',
          url: statuses.url,
          events: ['booking.status_changed'],
          statuses: ['traveling'],
        },
      ],
    });
    expect(saved.status).toBe(200);
    expect(SettingsView.parse(saved.body.data).webhooks[1]).toMatchObject({
      statuses: ['traveling'],
      maxEventsPerDelivery: 1,
    });
    const { booking } = await putBooking(host(), fullAccess, 'only-traveling');
    for (const status of ['traveling', 'in-progress', 'completed']) {
      await patch(booking.documentId, { status });
    }
    await eventually(
      () => typesFor(all, booking.documentId).length === 4,
      () => JSON.stringify(typesFor(all, booking.documentId)),
    );
    await eventually(
      () =>
        written(booking.documentId)
          .then(() => backlog())
          .then((b) => b.pending === 0),
      () => 'deliveries still pending',
    );
    expect(typesFor(statuses, booking.documentId)).toEqual(['booking.status_changed:traveling']);
  });

  it('keeps events for a disabled endpoint out, and sends none unsigned', async () => {
    const view = await settings();
    const saved = await host().admin('PUT', '/settings', {
      webhooks: view.webhooks.map((endpoint) => ({ ...endpoint, enabled: endpoint.id === allId })),
    });
    expect(saved.status).toBe(200);
    const { booking } = await putBooking(host(), fullAccess, 'disabled');
    await eventually(
      () => typesFor(all, booking.documentId).length === 1,
      () => 'the enabled endpoint did not get the new booking',
    );
    expect(typesFor(statuses, booking.documentId)).toEqual([]);
    expect((await backlog()).pending).toBe(0);

    const cleared = await host().admin('PUT', '/settings', { webhookSecret: null });
    expect(cleared.status).toBe(400);
    expect(cleared.body.error?.details?.errors?.map((error) => error.path)).toEqual([
      'webhookSecret',
    ]);
  });

  it('stores the sites that may embed the portal, refusing what is not an origin', async () => {
    const refused = await host().admin('PUT', '/settings', {
      portalFrameAncestors: ['https://www.contoso.example/path'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.details?.errors?.map((error) => error.path)).toEqual([
      'portalFrameAncestors.0',
    ]);
    const saved = await host().admin('PUT', '/settings', {
      portalFrameAncestors: ['https://www.contoso.example', 'https://*.contoso.example'],
    });
    expect(saved.status).toBe(200);
    expect((await settings()).portalFrameAncestors).toEqual([
      'https://www.contoso.example',
      'https://*.contoso.example',
    ]);
  });
});
