import { describe, expect, it } from 'vitest';
import type { MessageContext } from '../../shared/contracts/messaging.ts';
import { messageDataFor, sampleMessageData } from '../../server/src/services/admin-preview.ts';
import { defaultSettings } from '../../server/src/services/settings-defaults.ts';
import type { StoredSettings } from '../../server/src/services/settings.ts';

const settings: StoredSettings = {
  ...defaultSettings,
  portalBaseUrl: 'https://track.example.com/',
  webhookSecret: null,
  etaProviderKey: null,
};

const contact = (name: string, email: string | null) => ({
  documentId: name.toLowerCase(),
  name,
  email,
  mobilePhone: null,
  locale: null,
  emailOptOut: false,
  smsOptOut: false,
});

function context(overrides: Partial<MessageContext> = {}): MessageContext {
  return {
    booking: {
      documentId: 'b1',
      externalId: 'booking-1',
      status: 'scheduled',
      start: '2026-12-01T09:00:00.000Z',
      end: '2026-12-01T11:00:00.000Z',
      completedAt: null,
      eta: { arrivesAt: '2026-12-01T09:20:00.000Z', source: 'builtin' },
      trip: 0,
    },
    workOrder: { documentId: 'w1', number: 'WO-1' },
    serviceAccount: {
      documentId: 'a1',
      name: 'Boulangerie Martin',
      address: '12 rue de la Paix, Paris',
      timeZone: 'Europe/Paris',
      primaryContact: contact('Primary', 'primary@example.com'),
    },
    serviceType: null,
    reportedBy: contact('Reporter', 'reporter@example.com'),
    fallbackContact: contact('Fallback', 'fallback@example.com'),
    technician: { documentId: 't1', name: 'Jordan Lee', phone: null },
    history: [
      {
        type: 'reminder',
        channel: 'email',
        state: 'sent',
        start: '2026-12-01T08:00:00.000Z',
        at: '2026-11-30T10:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

describe("the message preview's data", () => {
  it("addresses the work order's reporter, in the account's zone, with a link that opens nothing", () => {
    const data = messageDataFor(context(), settings, 'rescheduled');
    expect(data.recipient).toEqual({ name: 'Reporter', email: 'reporter@example.com' });
    expect(data.booking).toMatchObject({
      id: 'b1',
      number: 'WO-1',
      timeZone: 'Europe/Paris',
      previousStart: '2026-12-01T08:00:00.000Z',
      etaAt: '2026-12-01T09:20:00.000Z',
    });
    expect(data.technician).toEqual({ name: 'Jordan Lee' });
    expect(data.link).toMatch(/^https:\/\/track\.example\.com\/t\/preview-link-0+$/);
  });

  it('falls back to the settings contact, then to the account primary contact', () => {
    expect(messageDataFor(context({ reportedBy: null }), settings, 'reminder').recipient.name).toBe(
      'Fallback',
    );
    expect(
      messageDataFor(context({ reportedBy: null, fallbackContact: null }), settings, 'reminder')
        .recipient.name,
    ).toBe('Primary');
  });

  it('leaves the technician out when the settings hide the name, or when none is assigned', () => {
    expect(
      messageDataFor(context(), { ...settings, showTechnicianName: false }, 'traveling').technician,
    ).toBeNull();
    expect(
      messageDataFor(context({ technician: null }), settings, 'traveling').technician,
    ).toBeNull();
    expect(sampleMessageData({ ...settings, showTechnicianName: false }).technician).toBeNull();
  });

  it('puts the sample visit on the next whole hour a day ahead, two hours long', () => {
    const data = sampleMessageData(settings, new Date('2026-11-24T13:37:00.000Z'));
    expect(data.booking.start).toBe('2026-11-25T14:00:00.000Z');
    expect(data.booking.end).toBe('2026-11-25T16:00:00.000Z');
  });
});
