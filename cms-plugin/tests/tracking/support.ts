import { expect } from 'vitest';
import { IssuedAccessCode } from '../../shared/contracts/messaging.ts';
import { IssuedTechnicianToken } from '../../shared/contracts/technician-tokens.ts';
import { putBooking, inDays } from '../support/fixtures.ts';
import type { Host } from '../support/host.ts';

/** A technician token for the technician of booking `id` (`tech-<id>`), as the integration gets it. */
export async function technicianToken(host: Host, resource: string): Promise<string> {
  const answer = await host.api('POST', '/technician-tokens', host.tokens.fullAccess, {
    resource,
    label: 'test phone',
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return IssuedTechnicianToken.parse(answer.body.data).token;
}

/** Posts positions as a technician's app does. */
export async function postPositions(host: Host, token: string | null, body: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${host.url}/api/enroute/locations`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data: {
        accepted: number;
        duplicates: number;
        rejected: { index: number; errors: { path: string; message: string }[] }[];
      } | null;
      error?: { message: string; details?: { errors?: { path: string; message: string }[] } };
    },
  };
}

/** An instant `seconds` from now (negative: in the past). */
export const secondsFromNow = (seconds: number) =>
  new Date(Date.now() + seconds * 1000).toISOString();

/** Near the service account of the fixtures (12 rue de la Paix, Paris). */
export const nearParis = (step = 0) => ({ lat: 48.8566 + step * 0.001, lng: 2.3522 });

/** A booking (today, the technician `tech-<id>`), its access code and a technician token. */
export async function trackedBooking(host: Host, id: string, status = 'scheduled') {
  const { booking } = await putBooking(host, host.tokens.fullAccess, id, {
    start: inDays(0, 1),
    end: inDays(0, 3),
    status,
  });
  const issued = await host.api(
    'POST',
    `/messaging/bookings/${booking.documentId}/access-codes`,
    host.tokens.fullAccess,
  );
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  const code = IssuedAccessCode.parse(issued.body).token;
  const technician = await technicianToken(host, `tech-${id}`);
  return { booking, code, technician };
}

/** Changes a booking's status as the dispatch system does. */
export async function setStatus(host: Host, bookingId: string, status: string) {
  const answer = await host.api('PATCH', `/bookings/${bookingId}`, host.tokens.fullAccess, {
    status,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

/** The portal's read of a code, with the portal's read-only token. */
export async function portalView(host: Host, code: string, locale?: string) {
  const query = locale ? `?locale=${encodeURIComponent(locale)}` : '';
  return host.api('GET', `/portal/${code}${query}`, host.tokens.readOnly);
}

/** An admin acts on a booking's (first) access code: expire, block… */
export async function actOnCode(host: Host, bookingId: string, action: 'expire' | 'block') {
  const codes = await host.admin('GET', `/access-codes?bookingId=${bookingId}`);
  const documentId = (codes.body.data as { documentId: string }[])[0]?.documentId;
  const answer = await host.admin('POST', `/access-codes/${documentId}/actions`, { action });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}
