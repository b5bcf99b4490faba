import { formatTime, formatTimeWindow, isoInstant } from '../booking-time/booking-time.ts';
import {
  distanceMetres,
  formatDistance,
  POSITION_EVENT,
  type MapConfig,
} from '../map/map-config.ts';
import type { PageUpdate } from './page-update.ts';

/**
 * Browser side of the live channel: listens to the portal's own event stream, rewrites the ETA,
 * the position notice and the map's text alternative, moves the map marker (or hides it when
 * the position goes stale), and reloads once the booking leaves traveling (the server then
 * renders the new state). EventSource reconnects by itself after a dropped connection.
 */

function start(root: HTMLElement) {
  const { liveUrl, locale = 'en', timeZone = 'UTC', state } = root.dataset;
  if (!liveUrl) return;
  const eta = root.querySelector<HTMLElement>('[data-eta]');
  const etaTime = root.querySelector<HTMLTimeElement>('[data-eta-time]');
  const stale = root.querySelector<HTMLElement>('[data-position-stale]');
  const expected = root.querySelector<HTMLElement>('[data-expected]');
  const canvases = [...document.querySelectorAll<HTMLElement>('[data-map]')];
  const mapTechnician = document.querySelector<HTMLElement>('[data-map-technician]');
  const mapDistance = document.querySelector<HTMLElement>('[data-map-distance]');
  const serviceLocation = canvases[0]
    ? (JSON.parse(canvases[0].dataset.map ?? 'null') as MapConfig | null)?.location
    : null;
  const source = new EventSource(liveUrl);
  const moveOn = () => {
    source.close();
    location.reload();
  };

  source.addEventListener('update', (message) => {
    const update = JSON.parse((message as MessageEvent<string>).data) as PageUpdate;
    if (update.state !== state) return moveOn();

    if (eta) eta.hidden = update.arrivesAt === null;
    if (update.arrivesAt && etaTime) {
      const formatted = formatTime(update.arrivesAt, locale, timeZone);
      if (etaTime.textContent !== formatted) etaTime.textContent = formatted;
      etaTime.dateTime = isoInstant(update.arrivesAt);
    }
    if (update.expected && expected?.dataset.expectedWords) {
      const { from, to } = update.expected;
      const time = formatTimeWindow(from, to, locale, timeZone);
      const words = expected.dataset.expectedWords.replace('{time}', time);
      if (expected.textContent !== words) expected.textContent = words;
    }
    if (stale) stale.hidden = !update.positionStale;

    if (mapTechnician) mapTechnician.hidden = update.technician === null;
    if (mapDistance) {
      mapDistance.textContent =
        update.technician && serviceLocation
          ? formatDistance(distanceMetres(update.technician, serviceLocation), locale)
          : '';
    }
    for (const canvas of canvases) canvas.dataset.livePosition = JSON.stringify(update.technician);
    document.dispatchEvent(new CustomEvent(POSITION_EVENT, { detail: update.technician }));
  });

  source.addEventListener('end', moveOn);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-live-url]')) start(root);
