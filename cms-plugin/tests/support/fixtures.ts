import { defaultSettings } from '../../server/src/services/settings-defaults.ts';
import type { Host } from './host.ts';

/** Puts one complete booking (account, contacts, service type, technician, work order). */
export async function putBooking(
  host: Host,
  token: string,
  id: string,
  booking: { start: string; end: string; status?: string; resource?: string | null } = {
    start: inDays(2),
    end: inDays(2, 2),
  },
) {
  const put = async (route: string, body: unknown) => {
    const answer = await host.api('PUT', route, token, body);
    if (answer.status >= 300)
      throw new Error(`PUT ${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.data as { documentId: string; externalId: string; created: boolean };
  };
  await put(`/contacts/contact-${id}`, {
    name: 'Camille Martin',
    email: 'camille@example.com',
    mobilePhone: '+33 6 12 34 56 78',
    locale: 'fr',
  });
  const account = await put(`/service-accounts/account-${id}`, {
    name: 'Boulangerie Martin',
    address: '12 rue de la Paix, Paris',
    latitude: 48.8698,
    longitude: 2.3311,
    timeZone: 'Europe/Paris',
    primaryContact: `contact-${id}`,
  });
  const serviceType = await put(`/service-types/type-${id}`, { name: 'Boiler service' });
  await put(`/resources/tech-${id}`, { name: 'Jordan Lee', phone: '+1 415 555 0100' });
  await put(`/work-orders/wo-${id}`, {
    number: `WO-${id}`,
    serviceAccount: `account-${id}`,
    serviceType: `type-${id}`,
    reportedBy: `contact-${id}`,
  });
  const created = await put(`/bookings/booking-${id}`, {
    workOrder: `wo-${id}`,
    resource: booking.resource === undefined ? `tech-${id}` : booking.resource,
    start: booking.start,
    end: booking.end,
    ...(booking.status ? { status: booking.status } : {}),
  });
  return { booking: created, account, serviceType };
}

/** An instant `days` days (and `hours` hours) from now, on the minute. */
export function inDays(days: number, hours = 0): string {
  const at = new Date(Date.now() + days * 86_400_000 + hours * 3_600_000);
  at.setUTCSeconds(0, 0);
  return at.toISOString();
}

/**
 * Settings for tests that run on the real clock, at any hour, and are not about timing: quiet
 * hours (on by default, 21:00–08:00 in each customer's zone) would hold their messages back at
 * night. Timing has tests of its own, with a test clock.
 */
export const QUIET_HOURS_OFF = {
  quietHours: { ...defaultSettings.quietHours, enabled: false },
};
