/** A position as the phone gives it, and when. */
export interface Fix {
  lat: number;
  lng: number;
  accuracy: number | null;
  /** Epoch milliseconds. */
  at: number;
}

/** Positions go out every 10 s or every 50 m, whichever comes first. */
export const SEND_EVERY_MS = 10_000;
export const SEND_EVERY_M = 50;

const EARTH_RADIUS_M = 6_371_008.8;

export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a new fix goes out, given the last one sent (none yet: it does). */
export function shouldSend(lastSent: Fix | null, next: Fix): boolean {
  if (!lastSent) return true;
  return next.at - lastSent.at >= SEND_EVERY_MS || distanceMeters(lastSent, next) >= SEND_EVERY_M;
}

/** The ingest's position body for a fix. */
export function positionBody(fix: Fix) {
  return {
    lat: fix.lat,
    lng: fix.lng,
    ...(fix.accuracy !== null ? { accuracy: Math.round(fix.accuracy * 10) / 10 } : {}),
    recordedAt: new Date(fix.at).toISOString(),
    source: 'app' as const,
  };
}
