import { etaWindow, type BookingStatus, type LiveUpdate } from '@enroute/contracts';
import type { MapPoint } from '../map/map-config.ts';

/**
 * What the portal's live channel tells a page: the state, the arrival time, and the
 * technician's position only while it is current. A stale position is never sent to the
 * browser: the page hides the marker and says that the position is out of date.
 */
export interface PageUpdate {
  state: BookingStatus;
  /** ISO instant of the expected arrival, or null when there is no estimate. */
  arrivesAt: string | null;
  technician: MapPoint | null;
  positionStale: boolean;
  /** The arrival window around the estimate ("now expected 10:40–11:10"), or null. */
  expected: { from: string; to: string } | null;
}

export function pageUpdate(update: LiveUpdate): PageUpdate {
  const traveling = update.state === 'traveling';
  const position = traveling ? update.position : null;
  const current = position !== null && !position.stale;
  const arrivesAt = traveling ? (update.eta?.arrivesAt ?? null) : null;
  return {
    state: update.state,
    arrivesAt,
    expected: arrivesAt ? etaWindow(arrivesAt) : null,
    technician: current ? { lat: position.lat, lng: position.lng } : null,
    positionStale: position?.stale ?? false,
  };
}
