/** The DOM event that carries a live position (or its absence) from the live client to the map. */
export const POSITION_EVENT = 'enroute:position';

/** What the map island needs, serialized into the page by the server. Browser-safe: no zod. */
export interface MapPoint {
  lat: number;
  lng: number;
}

export interface MapConfig {
  tileUrl: string;
  attribution: string;
  location: MapPoint | null;
  /** The technician's current position; null when unknown or stale (never shown as current). */
  technician: MapPoint | null;
  labels: { location: string; technician: string };
}

/** Eases a marker from one point to the next (ease-in-out), `progress` from 0 to 1. */
export function interpolate(from: MapPoint, to: MapPoint, progress: number): MapPoint {
  const t = Math.min(1, Math.max(0, progress));
  const eased = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
  return {
    lat: from.lat + (to.lat - from.lat) * eased,
    lng: from.lng + (to.lng - from.lng) * eased,
  };
}

/** How long the marker takes to glide to a new position; none when motion is reduced. */
export function glideMilliseconds(reducedMotion: boolean): number {
  return reducedMotion ? 0 : 1000;
}

/** Where the marker rests, as the map canvas exposes it (`data-technician-at`). */
export function markerAttribute(point: MapPoint | null): string {
  return point ? `${point.lat},${point.lng}` : '';
}

/** Great-circle distance in metres, for the map's text alternative. */
export function distanceMetres(a: MapPoint, b: MapPoint): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const distanceFormats = new Map<string, Intl.NumberFormat>();

/** "1.8 km" or "650 m" in the locale's digits. */
export function formatDistance(metres: number, locale: string): string {
  const kilometres = metres >= 1000;
  const key = `${locale}|${kilometres}`;
  let format = distanceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: kilometres ? 'kilometer' : 'meter',
      maximumFractionDigits: kilometres ? 1 : 0,
    });
    distanceFormats.set(key, format);
  }
  return format.format(kilometres ? metres / 1000 : Math.round(metres / 10) * 10);
}
