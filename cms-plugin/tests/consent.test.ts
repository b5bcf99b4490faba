import { beforeAll, expect, it } from 'vitest';
import type { ConsentRecord, RecordReplyResponse } from '../shared/contracts/index.ts';
import { putBooking } from './support/fixtures.ts';
import { sendTravelingMessages } from './support/messages.ts';
import { onEveryDatabase } from './support/suite.ts';

const CONTACTS = '/content-manager/collection-types/plugin::enroute.contact';
const PHONE = '+33612345678';

type Contact = {
  documentId: string;
  emailOptOut: boolean;
  smsOptOut: boolean;
  consentRecord: ConsentRecord | null;
};
type Reply = RecordReplyResponse['data'];
type Layout = { contentType: { metadatas: Record<string, { edit: { editable: boolean } }> } };

onEveryDatabase('consent: text replies, the consent record and re-subscribing', (host) => {
  let token = '';
  let contactId = '';
  let bookingId = '';

  /** Whether the Content Manager lets an admin edit a field of a content type. */
  async function editable(contentType: string, field: string): Promise<boolean | undefined> {
    const layout = await host().asAdmin(
      'GET',
      `/content-manager/content-types/plugin::enroute.${contentType}/configuration`,
    );
    return (layout.body.data as unknown as Layout).contentType.metadatas[field]?.edit.editable;
  }

  const contact = async (): Promise<Contact> =>
    (await host().asAdmin('GET', `${CONTACTS}/${contactId}`)).body.data as Contact;

  async function reply(body: string, providerMessageId: string): Promise<Reply> {
    const answer = await host().api('POST', '/messaging/replies', token, {
      from: '+33 6 12 34 56 78',
      to: '+15005550006',
      body,
      providerMessageId,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return (answer.body as RecordReplyResponse).data;
  }

  beforeAll(async () => {
    token = host().tokens.fullAccess;
    bookingId = (await putBooking(host(), token, 'consent')).booking.documentId;
    const found = await host().asAdmin(
      'GET',
      `${CONTACTS}?filters[externalId][$eq]=contact-consent`,
    );
    contactId = (found.body as unknown as { results: { documentId: string }[] }).results[0]!
      .documentId;
    const settings = await host().admin('PUT', '/settings', { repliesEmail: 'office@example.com' });
    expect(settings.status).toBe(200);
  });

  it('opts out on a stop word in any language, answers once in the customer language, and records it', async () => {
    const stop = await reply('Arrêt', 'SM-stop-1');
    expect(stop).toMatchObject({ kind: 'opt-out', forward: null, contactIds: [contactId] });
    expect(stop.answer).toEqual({
      to: PHONE,
      from: '+15005550006',
      body: expect.stringContaining('vous ne recevrez plus nos SMS'),
    });
    expect(stop.answer?.body).not.toContain('{{');
    const stored = await contact();
    expect(stored.smsOptOut).toBe(true);
    expect(stored.consentRecord).toEqual([
      { at: expect.any(String), channel: 'sms', choice: 'out', source: 'keyword', text: 'Arrêt' },
    ]);

    // The provider delivers the same message again: same answer, nothing more recorded.
    const again = await reply('Arrêt', 'SM-stop-1');
    expect(again).toEqual({ ...stop, repeated: true });
    // Another STOP while opted out changes nothing either.
    await reply('stop', 'SM-stop-2');
    expect((await contact()).consentRecord).toHaveLength(1);
  });

  it('keeps a number that texted STOP stopped on a contact it is given to, unless the customer asked', async () => {
    const put = (id: string, body: object) =>
      host().api('PUT', `/contacts/${id}`, token, { name: 'Camille M.', ...body });
    const byExternalId = async (id: string) =>
      (
        (await host().asAdmin('GET', `${CONTACTS}?filters[externalId][$eq]=${id}`))
          .body as unknown as { results: Contact[] }
      ).results[0];
    expect((await put('same-number', { mobilePhone: '+33 6 12 34 56 78' })).status).toBe(201);
    expect(await byExternalId('same-number')).toMatchObject({
      smsOptOut: true,
      consentRecord: [{ channel: 'sms', choice: 'out', source: 'keyword', text: 'Arrêt' }],
    });
    const asked = await put('same-number-asked', {
      mobilePhone: '+33612345678',
      smsOptOut: false,
      resubscribe: true,
    });
    expect(asked.status).toBe(201);
    expect((await byExternalId('same-number-asked'))?.smsOptOut).toBe(false);
  });

  it('refuses an integration that re-subscribes without saying so, and records it when it does', async () => {
    const silent = await host().api('PUT', '/contacts/contact-consent', token, {
      name: 'Camille Martin',
      smsOptOut: false,
    });
    expect(silent.status).toBe(400);
    expect(silent.body.error?.details?.errors).toEqual([
      { path: 'smsOptOut', message: expect.stringContaining('resubscribe: true') },
    ]);
    expect((await contact()).smsOptOut).toBe(true);

    // Sending the contact again as it is (opted out) is no change and is accepted.
    const same = await host().api('PUT', '/contacts/contact-consent', token, {
      name: 'Camille Martin',
      smsOptOut: true,
    });
    expect(same.status).toBe(200);

    const explicit = await host().api('PUT', '/contacts/contact-consent', token, {
      name: 'Camille Martin',
      smsOptOut: false,
      resubscribe: true,
    });
    expect(explicit.status).toBe(200);
    const stored = await contact();
    expect(stored.smsOptOut).toBe(false);
    expect(stored.consentRecord?.at(-1)).toMatchObject({
      channel: 'sms',
      choice: 'in',
      source: 'api',
      text: expect.stringContaining('resubscribe'),
    });
  });

  it('keeps the consent record out of reach of edits in the Content Manager', async () => {
    // Shown on the contact, not editable there.
    expect(await editable('contact', 'consentRecord')).toBe(false);

    const before = await contact();
    const edited = await host().asAdmin('PUT', `${CONTACTS}/${contactId}`, {
      name: 'Camille Martin',
      consentRecord: [],
    });
    expect(edited.status).toBe(400);
    expect(edited.body.error?.message).toContain('consentRecord');
    // An admin unticking an opt-out is the admin's decision, recorded with their name.
    const optOut = await host().asAdmin('PUT', `${CONTACTS}/${contactId}`, {
      ...before,
      emailOptOut: true,
    });
    expect(optOut.status).toBe(200);
    expect((await contact()).consentRecord?.at(-1)).toMatchObject({
      channel: 'email',
      choice: 'out',
      source: 'admin',
      text: expect.stringContaining('ada@example.com'),
    });
  });

  it('opts back in on START, answers HELP with the company details, and hands a reply to the office', async () => {
    await reply('STOP', 'SM-stop-3');
    const start = await reply('start', 'SM-start-1');
    expect(start).toMatchObject({ kind: 'opt-in', forward: null });
    expect(start.answer?.body).toContain('vous recevez à nouveau nos SMS');
    expect((await contact()).smsOptOut).toBe(false);
    expect((await contact()).consentRecord?.at(-1)).toMatchObject({
      choice: 'in',
      source: 'keyword',
      text: 'start',
    });

    const help = await reply('Aide', 'SM-help-1');
    expect(help.kind).toBe('help');
    expect(help.answer?.body).toContain('help@contoso.example');
    expect(help.answer?.body).toContain('STOP');

    const free = await reply('Le code du portail est 4411', 'SM-free-1');
    expect(free).toMatchObject({ kind: 'forward', answer: null });
    expect(free.forward).toMatchObject({
      to: 'office@example.com',
      bookingId,
      subject: expect.stringContaining('WO-consent'),
      text: expect.stringContaining('Le code du portail est 4411'),
    });
    // Kept on the booking, where the admin sees it.
    const booking = await host().asAdmin(
      'GET',
      `/content-manager/collection-types/plugin::enroute.booking/${bookingId}?populate[replies]=*`,
    );
    expect(JSON.stringify(booking.body.data)).toContain('SM-free-1');
    // And in the notification log, under the booking.
    const listed = await host().admin('GET', `/bookings/${bookingId}/replies`);
    expect(listed.status).toBe(200);
    expect((listed.body.data as unknown[])[0]).toEqual({
      documentId: expect.any(String),
      receivedAt: expect.any(String),
      from: '+33*******78',
      kind: 'forward',
      body: 'Le code du portail est 4411',
      answer: null,
      forwardedTo: 'office@example.com',
    });
    // Shown in the Content Manager as received, editable by no one.
    for (const field of ['body', 'kind', 'booking', 'answer']) {
      expect([field, await editable('reply', field)]).toEqual([field, false]);
    }
    expect(await editable('booking', 'replies')).toBe(false);
  });

  it('names the wrong field of a bad reply', async () => {
    const answer = await host().api('POST', '/messaging/replies', token, { from: '+33612345678' });
    expect(answer.status).toBe(400);
    const paths = (answer.body.error?.details?.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body', 'providerMessageId']));
  });

  it('unsubscribes in one click from the link in an email header, once, and lets the customer choose on the portal', async () => {
    const { booking } = await putBooking(host(), token, 'one-click', {
      start: new Date(Date.now() + 3_600_000).toISOString(),
      end: new Date(Date.now() + 7_200_000).toISOString(),
      status: 'traveling',
    });
    const [email] = (await sendTravelingMessages(host(), booking)).email;
    const header = email?.headers['List-Unsubscribe'] ?? '';
    expect(email?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const [, url = ''] = /^<(https?:[^>]+)>/.exec(header) ?? [];
    expect(url).toMatch(/^https?:\/\/[^/]+\/u\/[\w-]+\.[\w-]{22}$/);
    expect(header).toContain('<mailto:office@example.com?subject=unsubscribe%20');
    const linkToken = url.split('/u/')[1]!;
    const found = await host().asAdmin(
      'GET',
      `${CONTACTS}?filters[externalId][$eq]=contact-one-click`,
    );
    const id = (found.body as unknown as { results: { documentId: string }[] }).results[0]!
      .documentId;
    const read = () =>
      host()
        .asAdmin('GET', `${CONTACTS}/${id}`)
        .then((r) => r.body.data as Contact);

    const portal = host().tokens.readOnly;
    const oneClick = () => host().api('POST', `/preferences/${linkToken}/one-click`, portal, {});
    const first = await oneClick();
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({
      email: { available: true, on: false },
      sms: { on: true },
    });
    expect((await read()).emailOptOut).toBe(true);
    expect((await oneClick()).status).toBe(200);
    expect((await read()).consentRecord).toEqual([
      {
        at: expect.any(String),
        channel: 'email',
        choice: 'out',
        source: 'one-click',
        text: 'List-Unsubscribe=One-Click',
      },
    ]);

    // The preferences page: the customer turns email back on and SMS off.
    const chosen = await host().api('PUT', `/preferences/${linkToken}`, portal, {
      email: true,
      sms: false,
    });
    expect(chosen.body.data).toMatchObject({
      locale: 'fr',
      email: { on: true },
      sms: { on: false },
    });
    expect((await read()).consentRecord?.slice(1)).toEqual([
      expect.objectContaining({ channel: 'email', choice: 'in', source: 'portal' }),
      expect.objectContaining({ channel: 'sms', choice: 'out', source: 'portal' }),
    ]);

    // In sandbox mode the email goes to the test address: no link to the customer's preferences.
    const sandbox = { sandboxEnabled: true, sandboxEmail: 'qa@example.com' };
    expect((await host().admin('PUT', '/settings', sandbox)).status).toBe(200);
    const { booking: tested } = await putBooking(host(), token, 'sandboxed', {
      start: new Date(Date.now() + 3_600_000).toISOString(),
      end: new Date(Date.now() + 7_200_000).toISOString(),
      status: 'traveling',
    });
    const [sandboxed] = (await sendTravelingMessages(host(), tested)).email;
    expect(sandboxed?.to).toBe('qa@example.com');
    expect(sandboxed?.headers).toEqual({});
    expect((await host().admin('PUT', '/settings', { sandboxEnabled: false })).status).toBe(200);

    // A link Enroute did not sign opens nothing.
    const forged = `${id}.${'A'.repeat(22)}`;
    expect((await host().api('GET', `/preferences/${forged}`, portal)).status).toBe(404);
    expect((await host().api('POST', `/preferences/${forged}/one-click`, portal, {})).status).toBe(
      404,
    );
  });
});
