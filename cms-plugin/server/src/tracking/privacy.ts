import type {
  BookingStatus,
  Eta,
  EtaSource,
  TechnicianPosition,
} from '../../../shared/contracts/index.ts';

export type StoredPosition = {
  lat: number;
  lng: number;
  accuracy: number | null;
  recordedAt: Date;
};

export type StoredEta = {
  arrivesAt: Date | null;
  computedAt: Date | null;
  source: string | null;
  fallback: boolean;
};

const SOURCES: readonly EtaSource[] = ['builtin', 'osrm', 'valhalla', 'azure-maps'];
const MINUTE = 60_000;

/**
 * The technician's position as a customer may see it: only while the booking is traveling, and
 * marked stale once it is older than the settings allow (it is then no longer "where the
 * technician is"). Never before the position was recorded, never after traveling.
 */
export function visiblePosition(
  state: BookingStatus,
  position: StoredPosition | null,
  rules: { now: Date; staleSeconds: number },
): TechnicianPosition | null {
  if (state !== 'traveling' || !position) return null;
  const age = rules.now.getTime() - position.recordedAt.getTime();
  return {
    lat: position.lat,
    lng: position.lng,
    accuracy: position.accuracy,
    recordedAt: position.recordedAt.toISOString(),
    stale: age > rules.staleSeconds * 1000,
  };
}

/**
 * The arrival time as a customer may see it: only while traveling. An estimate whose time has
 * passed (the technician is late, no new position yet) reads as the next minute, never as a time
 * in the past.
 */
export function visibleEta(state: BookingStatus, eta: StoredEta, now: Date): Eta | null {
  if (state !== 'traveling' || !eta.arrivesAt || !eta.computedAt) return null;
  const source = SOURCES.find((known) => known === eta.source) ?? 'builtin';
  const nextMinute = new Date(Math.ceil(now.getTime() / MINUTE) * MINUTE);
  const arrivesAt = eta.arrivesAt.getTime() < now.getTime() ? nextMinute : eta.arrivesAt;
  return {
    arrivesAt: arrivesAt.toISOString(),
    computedAt: eta.computedAt.toISOString(),
    source,
    fallback: eta.fallback,
  };
}
