import { SEND_EVERY_MS, positionBody, shouldSend, type Fix } from './position-throttle.ts';
import { forget, keep, keptFor } from './position-queue.client.ts';

/** Where the sharing panel's state is kept across page loads: a visit the technician stopped. */
const STOPPED_KEY = 'enroute-tech-stopped';

type SharingState = 'off' | 'on' | 'denied' | 'stopped';

/**
 * The app's script: registers the service worker and, while a visit is on its way (the page then
 * shows the sharing panel), shares the phone's position through the portal every 10 s or 50 m.
 * Sharing ends when the panel is gone (arrived, completed), on "Stop sharing", or when the page
 * is left.
 */
export function startTechnicianApp(): void {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/tech/sw.js', { scope: '/tech/' }).catch(() => undefined);
  }
  const panel = document.querySelector<HTMLElement>('[data-sharing]');
  if (panel) shareWhileTraveling(panel);
}

function shareWhileTraveling(panel: HTMLElement): void {
  const visit = panel.dataset.visit ?? '';
  const csrf = panel.dataset.csrf ?? '';
  const status = panel.querySelector<HTMLElement>('[data-sharing-state]');
  const stopButton = panel.querySelector<HTMLButtonElement>('[data-stop-sharing]');
  let sent = 0;

  const show = (state: SharingState) => {
    panel.dataset.state = state;
    if (status)
      status.textContent = panel.dataset[`word${state[0]!.toUpperCase()}${state.slice(1)}`] ?? '';
    // While the phone tries to share (offline included), sharing can be stopped.
    if (stopButton) stopButton.hidden = state === 'stopped' || state === 'denied';
  };

  if (readStopped() === visit) {
    show('stopped');
    return;
  }
  if (!('geolocation' in navigator)) {
    show('denied');
    return;
  }

  let lastSent: Fix | null = null;
  let latest: Fix | null = null;
  let stopped = false;

  const post = (body: unknown) =>
    fetch('/tech/positions', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });

  /**
   * Positions kept while the phone was offline go out once a post goes through again: after a
   * position is sent, when the browser says it is back online, and on every tick while some are
   * kept (the "online" event can come before the network really answers).
   */
  let flushing = false;
  let kept = false;
  const flush = async () => {
    if (flushing || stopped) return;
    flushing = true;
    try {
      const { keys, bodies } = await keptFor(visit);
      if (bodies.length === 0) {
        kept = false;
        return;
      }
      const response = await post({ positions: bodies });
      // 422: none of them can be stored any more (too old); 409: the visit is no longer on its
      // way. Either way they are not kept.
      if (response.ok || response.status === 422 || response.status === 409) {
        await forget(keys);
        kept = false;
      }
      if (response.ok && !stopped) show('on');
    } catch {
      // Still offline, or no IndexedDB: they wait for the next time.
    } finally {
      flushing = false;
    }
  };

  const send = async (fix: Fix) => {
    lastSent = fix;
    const body = positionBody(fix);
    let response: Response;
    try {
      response = await post(body);
    } catch {
      // Offline: kept for later, and the panel says the position is not shared meanwhile.
      await keep(visit, body).then(
        () => (kept = true),
        () => undefined,
      );
      if (!stopped) show('off');
      return;
    }
    if (stopped) return;
    if (response.ok) {
      sent += 1;
      panel.dataset.sent = String(sent);
      show('on');
      void flush();
    } else if (response.status === 401 || response.status === 403 || response.status === 409) {
      // Signed out, or the visit is no longer on its way (arrived from another phone, say).
      stop('off');
    } else if (response.status >= 500) {
      await keep(visit, body).then(
        () => (kept = true),
        () => undefined,
      );
    }
  };

  const watch = navigator.geolocation.watchPosition(
    (position) => {
      if (stopped) return;
      const fix: Fix = {
        lat: position.coords.latitude,
        lng: position.coords.longitude,
        accuracy: Number.isFinite(position.coords.accuracy) ? position.coords.accuracy : null,
        // The phone's clock when the fix arrives: some browsers report the time a fix was first
        // cached, which would make a new position look like an old one.
        at: Date.now(),
      };
      latest = fix;
      if (shouldSend(lastSent, fix)) void send(fix);
    },
    (error) => {
      // Refused: nothing will come. Unavailable or slow: say so, and keep listening.
      if (error.code === error.PERMISSION_DENIED) stop('denied');
      else show('off');
    },
    { enableHighAccuracy: true, maximumAge: 5_000, timeout: 60_000 },
  );
  // A phone standing still reports nothing new: its last fix goes out again every 10 s.
  const timer = window.setInterval(() => {
    if (latest && lastSent && Date.now() - lastSent.at >= SEND_EVERY_MS) {
      void send({ ...latest, at: Date.now() });
    } else if (kept) {
      void flush();
    }
  }, SEND_EVERY_MS / 2);

  function stop(state: SharingState) {
    stopped = true;
    navigator.geolocation.clearWatch(watch);
    window.clearInterval(timer);
    show(state);
    if (stopButton) stopButton.hidden = true;
  }

  stopButton?.addEventListener('click', () => {
    writeStopped(visit);
    stop('stopped');
    status?.focus();
  });
  window.addEventListener('online', () => void flush());
  void flush();
  window.addEventListener('pagehide', () => {
    navigator.geolocation.clearWatch(watch);
    window.clearInterval(timer);
  });
}

function readStopped(): string | null {
  try {
    return localStorage.getItem(STOPPED_KEY);
  } catch {
    return null;
  }
}

function writeStopped(visit: string): void {
  try {
    localStorage.setItem(STOPPED_KEY, visit);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
