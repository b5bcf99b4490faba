import { beforeAll, expect, it } from 'vitest';
import { inDays, putBooking } from './support/fixtures.ts';
import { onEveryDatabase } from './support/suite.ts';

onEveryDatabase('content API: permissions, validation and upserts', (host) => {
  let fullAccess = '';
  let readOnly = '';

  beforeAll(async () => {
    ({ fullAccess, readOnly } = host().tokens);
  });

  it('refuses a request without a token, with a wrong token, and a write with a read-only token', async () => {
    const body = { name: 'Boiler service' };
    expect((await host().request('PUT', '/api/enroute/service-types/t1', { body })).status).toBe(
      401,
    );
    expect((await host().api('PUT', '/service-types/t1', 'not-a-real-token', body)).status).toBe(
      401,
    );
    expect((await host().api('PUT', '/service-types/t1', readOnly, body)).status).toBe(403);
    expect((await host().api('POST', '/messaging/prepare/events', readOnly, {})).status).toBe(403);
    // Reads are open to a read-only token.
    expect((await host().api('GET', '/messaging/settings', readOnly)).status).toBe(200);
    // Nothing was written by the refused requests.
    const created = await host().api('PUT', '/service-types/t1', fullAccess, body);
    expect(created.status).toBe(201);
  });

  it('asks a token of every route, and a token with write rights of every write', async () => {
    const reads = [
      '/messaging/settings',
      '/messaging/bookings/x',
      '/access-codes/AAAAAAAAAAAAAAAAAAAAAA',
    ];
    const writes: [string, string][] = [
      ['PUT', '/service-accounts/x'],
      ['PUT', '/contacts/x'],
      ['PUT', '/service-types/x'],
      ['PUT', '/resources/x'],
      ['PUT', '/work-orders/x'],
      ['PUT', '/bookings/x'],
      ['PATCH', '/bookings/x'],
      ['POST', '/messaging/prepare/events'],
      ['POST', '/messaging/prepare/reminders'],
      ['POST', '/messaging/results'],
      ['POST', '/messaging/bookings/x/access-codes'],
      ['GET', '/messaging/bookings/x/access-codes'],
      // The flows' question, not the portal's: a read-only token does not get it.
      ['GET', '/messaging/delivery-problems'],
    ];
    for (const [method, route] of [...reads.map((route) => ['GET', route] as const), ...writes]) {
      const body = method === 'GET' ? undefined : {};
      const anonymous = await host().request(method, `/api/enroute${route}`, { body });
      expect([method, route, anonymous.status]).toEqual([method, route, 401]);
    }
    for (const [method, route] of writes) {
      const answer = await host().api(method, route, readOnly, method === 'GET' ? undefined : {});
      expect([method, route, answer.status]).toEqual([method, route, 403]);
    }
    for (const route of reads) {
      const answer = await host().api('GET', route, readOnly);
      expect([route, answer.status]).not.toEqual([route, 403]);
    }
  });

  it('puts a record twice without creating a duplicate', async () => {
    const first = await host().api('PUT', '/contacts/c-idem', fullAccess, {
      name: 'Noor Haddad',
      email: 'noor@example.com',
    });
    const second = await host().api('PUT', '/contacts/c-idem', fullAccess, {
      name: 'Noor Haddad',
      email: 'noor@example.com',
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.data).toEqual({
      documentId: (first.body.data as { documentId: string }).documentId,
      externalId: 'c-idem',
      created: false,
    });
  });

  it('creates one record when the same new record is put ten times at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        host().api('PUT', '/resources/tech-race', fullAccess, {
          name: `Jordan Lee ${index}`,
          phone: '+1 415 555 0100',
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(
      answers.map((answer) => (answer.body.data as { documentId: string }).documentId),
    );
    expect(ids.size).toBe(1);
    const rows = await host().database.select(
      'select count(*) as n from enroute_resources where external_id = $1',
      ['tech-race'],
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('stores phone numbers in E.164 and refuses one that is not a phone number', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'e164');
    const context = await host().api(
      'GET',
      `/messaging/bookings/${booking.documentId}`,
      fullAccess,
    );
    expect(context.status).toBe(200);
    const body = context.body as unknown as {
      reportedBy: { mobilePhone: string };
      technician: { phone: string };
    };
    expect(body.reportedBy.mobilePhone).toBe('+33612345678');
    expect(body.technician.phone).toBe('+14155550100');

    const bad = await host().api('PUT', '/contacts/c-bad-phone', fullAccess, {
      name: 'X',
      mobilePhone: '12',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details?.errors).toEqual([
      { path: 'mobilePhone', message: expect.stringContaining('international format') },
    ]);
  });

  it('validates and normalises records edited in the Content Manager too', async () => {
    const contacts = '/content-manager/collection-types/plugin::enroute.contact';
    const created = await host().asAdmin('POST', contacts, {
      name: 'Yuki Tanaka',
      mobilePhone: '+81 90-1234-5678',
      email: 'yuki@example.com',
    });
    expect(created.status).toBe(201);
    const contact = created.body.data as { documentId: string; mobilePhone: string };
    expect(contact.mobilePhone).toBe('+819012345678');

    const badPhone = await host().asAdmin('PUT', `${contacts}/${contact.documentId}`, {
      name: 'Yuki Tanaka',
      mobilePhone: '090',
    });
    expect(badPhone.status).toBe(400);
    const errors = (
      badPhone.body.error?.details as { errors?: { path: string[]; message: string }[] }
    ).errors;
    expect(errors?.[0]?.path).toEqual(['mobilePhone']);
    expect(errors?.[0]?.message).toContain('international format');
    const stored = await host().asAdmin('GET', `${contacts}/${contact.documentId}`);
    expect((stored.body.data as { mobilePhone: string }).mobilePhone).toBe('+819012345678');

    const badZone = await host().asAdmin(
      'POST',
      '/content-manager/collection-types/plugin::enroute.service-account',
      { name: 'Somewhere', address: '1 Main St', timeZone: 'Mars/Olympus' },
    );
    expect(badZone.status).toBe(400);
    expect(badZone.body.error?.message).toContain('timeZone');

    // A booking belongs to a work order, whichever way it is created.
    const orphan = await host().asAdmin(
      'POST',
      '/content-manager/collection-types/plugin::enroute.booking',
      { start: inDays(1), end: inDays(1, 1), bookingStatus: 'scheduled' },
    );
    expect(orphan.status).toBe(400);
    expect(orphan.body.error?.message).toContain('workOrder');

    // A dispatcher changes a booking's status in the Content Manager.
    const { booking } = await putBooking(host(), fullAccess, 'cm-status');
    const edited = await host().asAdmin(
      'PUT',
      `/content-manager/collection-types/plugin::enroute.booking/${booking.documentId}`,
      { bookingStatus: 'traveling' },
    );
    expect(edited.status).toBe(200);
    const context = await host().api(
      'GET',
      `/messaging/bookings/${booking.documentId}`,
      fullAccess,
    );
    expect((context.body as unknown as { booking: { status: string } }).booking.status).toBe(
      'traveling',
    );
  });

  it('refuses a work order number or a customer name longer than a message can carry, through the content API and in the Content Manager alike, naming the field', async () => {
    const number = `WO-${'9'.repeat(98)}`;
    const name = 'N'.repeat(201);
    const { booking } = await putBooking(host(), fullAccess, 'lengths');
    expect(booking.documentId).toBeTruthy();
    const fieldsOf = (answer: Awaited<ReturnType<ReturnType<typeof host>['api']>>) =>
      (answer.body.error?.details?.errors ?? []).map((error) => String(error.path));

    const apiOrder = await host().api('PUT', '/work-orders/wo-lengths', fullAccess, {
      number,
      serviceAccount: 'account-lengths',
    });
    expect(apiOrder.status).toBe(400);
    expect(fieldsOf(apiOrder)).toEqual(['number']);
    const apiContact = await host().api('PUT', '/contacts/contact-lengths', fullAccess, { name });
    expect(apiContact.status).toBe(400);
    expect(fieldsOf(apiContact)).toEqual(['name']);

    const workOrders = '/content-manager/collection-types/plugin::enroute.work-order';
    const listed = await host().asAdmin('GET', `${workOrders}?filters[externalId][$eq]=wo-lengths`);
    const order = (listed.body as { results: { documentId: string; number: string }[] }).results[0];
    const cmOrder = await host().asAdmin('PUT', `${workOrders}/${order?.documentId}`, { number });
    expect(cmOrder.status).toBe(400);
    expect(fieldsOf(cmOrder)).toEqual(['number']);
    const cmContact = await host().asAdmin(
      'POST',
      '/content-manager/collection-types/plugin::enroute.contact',
      { name },
    );
    expect(cmContact.status).toBe(400);
    expect(fieldsOf(cmContact)).toEqual(['name']);

    // Nothing was changed, and the longest number allowed is taken on both paths.
    const kept = await host().asAdmin('GET', `${workOrders}/${order?.documentId}`);
    expect((kept.body.data as { number: string }).number).toBe(order?.number);
    const longest = number.slice(0, 100);
    expect(
      (await host().asAdmin('PUT', `${workOrders}/${order?.documentId}`, { number: longest }))
        .status,
    ).toBe(200);
    expect(
      (
        await host().api('PUT', '/work-orders/wo-lengths', fullAccess, {
          number: longest,
          serviceAccount: 'account-lengths',
        })
      ).status,
    ).toBe(200);
  });

  it('stores the same completion time and previous start whether a booking changes in the Content Manager or through the content API', async () => {
    const stored = async (documentId: string) => {
      const rows = await host().database.select(
        'select completed_at, previous_start, start from enroute_bookings where document_id = $1',
        [documentId],
      );
      const row = rows[0] ?? {};
      const at = (value: unknown) =>
        value === null || value === undefined
          ? null
          : new Date(value as string | number).toISOString();
      return { completedAt: at(row.completed_at), previousStart: at(row.previous_start) };
    };
    const cm = (documentId: string, data: unknown) =>
      host().asAdmin(
        'PUT',
        `/content-manager/collection-types/plugin::enroute.booking/${documentId}`,
        data,
      );
    const { booking: viaApi } = await putBooking(host(), fullAccess, 'same-api');
    const { booking: viaAdmin } = await putBooking(host(), fullAccess, 'same-cm');
    const [apiStart, adminStart] = await Promise.all([
      stored(viaApi.documentId),
      stored(viaAdmin.documentId),
    ]);
    expect(apiStart).toEqual({ completedAt: null, previousStart: null });
    expect(adminStart).toEqual({ completedAt: null, previousStart: null });

    const before = (
      await host().database.select('select start from enroute_bookings where document_id = $1', [
        viaAdmin.documentId,
      ])
    )[0]?.start as string | number;
    const moved = inDays(3);
    expect(
      (
        await host().api('PATCH', `/bookings/${viaApi.documentId}`, fullAccess, {
          start: moved,
          end: inDays(3, 1),
        })
      ).status,
    ).toBe(200);
    expect((await cm(viaAdmin.documentId, { start: moved, end: inDays(3, 1) })).status).toBe(200);
    expect((await stored(viaAdmin.documentId)).previousStart).toBe(new Date(before).toISOString());
    expect((await stored(viaApi.documentId)).previousStart).toBe(new Date(before).toISOString());

    const from = Date.now();
    expect(
      (
        await host().api('PATCH', `/bookings/${viaApi.documentId}`, fullAccess, {
          status: 'completed',
        })
      ).status,
    ).toBe(200);
    expect((await cm(viaAdmin.documentId, { bookingStatus: 'completed' })).status).toBe(200);
    for (const documentId of [viaApi.documentId, viaAdmin.documentId]) {
      const { completedAt } = await stored(documentId);
      expect(Date.parse(completedAt ?? '')).toBeGreaterThanOrEqual(from - 1000);
      expect(Date.parse(completedAt ?? '')).toBeLessThanOrEqual(Date.now() + 1000);
    }
    // Reopened, in the Content Manager: no completion time any more.
    expect((await cm(viaAdmin.documentId, { bookingStatus: 'in-progress' })).status).toBe(200);
    expect((await stored(viaAdmin.documentId)).completedAt).toBeNull();
  });

  it('names every wrong field and changes nothing', async () => {
    const bad = await host().api('PUT', '/service-accounts/a-bad', fullAccess, {
      name: '',
      address: 'Somewhere',
      timeZone: 'Mars/Olympus',
      latitude: 123,
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error?.details?.errors?.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'timeZone', 'latitude']));
    expect(bad.body.error?.message).toContain('timeZone');

    const badEmail = await host().api('PUT', '/contacts/c-bad-email', fullAccess, {
      name: 'X',
      email: 'not-an-email',
    });
    expect(badEmail.body.error?.details?.errors?.[0]?.path).toBe('email');

    const missingRef = await host().api('PUT', '/work-orders/wo-missing', fullAccess, {
      number: 'WO-1',
      serviceAccount: 'no-such-account',
      reportedBy: 'no-such-contact',
    });
    expect(missingRef.status).toBe(400);
    expect(missingRef.body.error?.details?.errors).toEqual([
      { path: 'serviceAccount', message: 'no service-account with externalId no-such-account' },
      { path: 'reportedBy', message: 'no contact with externalId no-such-contact' },
    ]);
    // The refused work order was not created: a booking cannot point at it.
    const booking = await host().api('PUT', '/bookings/b-missing', fullAccess, {
      workOrder: 'wo-missing',
      start: inDays(1),
      end: inDays(1, 1),
    });
    expect(booking.body.error?.details?.errors?.[0]?.path).toBe('workOrder');
  });

  it('refuses a booking that ends before it starts, and changes a booking in place', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'change');
    const backwards = await host().api('PATCH', `/bookings/${booking.documentId}`, fullAccess, {
      end: inDays(-1),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error?.details?.errors?.[0]?.path).toBe('end');

    const unknownField = await host().api('PATCH', `/bookings/${booking.documentId}`, fullAccess, {
      colour: 'red',
    });
    expect(unknownField.status).toBe(400);

    const missing = await host().api('PATCH', '/bookings/nosuchdocument', fullAccess, {
      status: 'traveling',
    });
    expect(missing.status).toBe(404);

    const start = inDays(3);
    const changed = await host().api('PATCH', `/bookings/${booking.documentId}`, fullAccess, {
      status: 'traveling',
      start,
      end: inDays(3, 1),
      resource: null,
    });
    expect(changed.status).toBe(200);
    const context = await host().api(
      'GET',
      `/messaging/bookings/${booking.documentId}`,
      fullAccess,
    );
    const view = context.body as unknown as {
      booking: { status: string; start: string };
      technician: unknown;
    };
    expect(view.booking).toMatchObject({ status: 'traveling', start });
    expect(view.technician).toBeNull();
  });
});
