import type { Clock } from '../types.ts';

/** Paris: a technician near Gare de Lyon heading to a customer by the Eiffel Tower. */
export const GARE_DE_LYON = { lat: 48.8443, lng: 2.3744 };
export const EIFFEL_TOWER = { lat: 48.8584, lng: 2.2945 };

/** The Paris trip, leaving at `departAt`. */
export function parisTrip(departAt: string) {
  return {
    from: GARE_DE_LYON,
    to: EIFFEL_TOWER,
    departAt: new Date(departAt),
    timeZone: 'Europe/Paris',
  };
}

/** A clock the test moves by hand. */
export function manualClock(start: string): {
  now: Clock;
  set(iso: string): void;
  advance(ms: number): void;
} {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(iso) {
      current = new Date(iso);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}
