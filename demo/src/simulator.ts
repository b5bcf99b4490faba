import { ROUTE } from './demo-data.ts';
import { request } from './http.ts';
import type { Log } from './processes.ts';

const EARTH_RADIUS_M = 6_371_000;

function distanceM([lat1, lng1]: [number, number], [lat2, lng2]: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
}

/** The point `travelled` metres along `route` (the last point once past its end). */
export function pointAlong(route: [number, number][], travelled: number): [number, number] {
  let left = travelled;
  for (let i = 1; i < route.length; i++) {
    const from = route[i - 1]!;
    const to = route[i]!;
    const leg = distanceM(from, to);
    if (left <= leg) {
      const f = leg === 0 ? 0 : left / leg;
      return [from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f];
    }
    left -= leg;
  }
  return route[route.length - 1]!;
}

export function routeLength(route: [number, number][]): number {
  let total = 0;
  for (let i = 1; i < route.length; i++) total += distanceM(route[i - 1]!, route[i]!);
  return total;
}

/**
 * The traveling technician's phone: every `intervalMs` it posts its position, moving along the
 * route at city speed, as the technician app would (`POST /api/enroute/locations` with the
 * technician's token). At the end of the route it starts over, so the demo keeps moving.
 */
export function startSimulator(options: {
  strapiUrl: string;
  technicianToken: string;
  log: Log;
  intervalMs?: number;
  speedMps?: number;
}) {
  const interval = options.intervalMs ?? 3000;
  const speed = options.speedMps ?? 7;
  const length = routeLength(ROUTE);
  const started = Date.now();
  let failures = 0;
  const tick = async () => {
    const travelled = (((Date.now() - started) / 1000) * speed) % length;
    const [lat, lng] = pointAlong(ROUTE, travelled);
    const answer = await request('POST', `${options.strapiUrl}/api/enroute/locations`, {
      token: options.technicianToken,
      body: { lat, lng, accuracy: 8, recordedAt: new Date().toISOString(), source: 'app' },
    }).catch((error: Error) => ({ status: 0, body: error.message }));
    if (answer.status >= 300 || answer.status === 0) {
      // Say it once, not every tick, and again when it recovers.
      if (failures++ === 0) {
        options.log(
          'simulate',
          `a position was refused: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
        );
      }
    } else if (failures > 0) {
      failures = 0;
      options.log('simulate', 'positions are accepted again');
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), interval);
  return { stop: () => clearInterval(timer) };
}
