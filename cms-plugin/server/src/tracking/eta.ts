import type { Core } from '@strapi/strapi';
import {
  createBuiltinEtaProvider,
  createEtaProvider,
  createEtaUpdater,
  EtaSettingsError,
  type EtaEstimate,
  type EtaProvider,
  type EtaUpdater,
} from '../eta/index.ts';
import type { StoredSettings } from '../services/settings.ts';
import { query } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import type { TravelingBooking } from './bookings.ts';
import type { StoredPosition } from './privacy.ts';

/** The ETA provider the settings name, in the ETA module's terms. */
export function etaSettingsOf(settings: StoredSettings): unknown {
  switch (settings.etaProvider) {
    case 'builtin':
      return { provider: 'builtin' };
    case 'azure-maps':
      return {
        provider: 'azure-maps',
        ...(settings.etaProviderUrl ? { baseUrl: settings.etaProviderUrl } : {}),
        apiKey: settings.etaProviderKey ?? undefined,
      };
    default:
      return { provider: settings.etaProvider, baseUrl: settings.etaProviderUrl ?? undefined };
  }
}

/** The built-in estimate standing in for a provider the settings cannot make (no URL, no key). */
function misconfigured(problem: string): EtaProvider {
  const builtin = createBuiltinEtaProvider();
  return {
    source: 'builtin',
    async estimate(request, options) {
      const estimate = await builtin.estimate(request, options);
      return {
        ...estimate,
        fallback: true,
        fallbackReason: { provider: 'builtin', kind: 'error', message: problem },
      };
    },
  };
}

/**
 * The ETA of traveling bookings: recomputed when a technician's position warrants it (the ETA
 * module's throttle), stored on the booking with when and by whom it was computed.
 */
export function createEtaKeeper(strapi: Core.Strapi) {
  let current: { key: string; updater: EtaUpdater } | null = null;

  function updaterFor(settings: StoredSettings): EtaUpdater {
    const input = etaSettingsOf(settings);
    const key = JSON.stringify(input);
    if (current?.key === key) return current.updater;
    let provider: EtaProvider;
    try {
      provider = createEtaProvider(input, {
        onFallback: (failure) =>
          strapi.log.warn(
            `ETA: ${failure.provider} failed (${failure.kind}), built-in used: ${failure.message}`,
          ),
      });
    } catch (error) {
      if (!(error instanceof EtaSettingsError)) throw error;
      strapi.log.warn(`ETA: ${error.message}; the built-in estimate is used`);
      provider = misconfigured(error.message);
    }
    current = { key, updater: createEtaUpdater({ provider }) };
    return current.updater;
  }

  async function store(bookingId: number, estimate: EtaEstimate): Promise<void> {
    await query(strapi, UID.booking).update({
      where: { id: bookingId },
      data: etaFields(estimate),
    });
  }

  return {
    /**
     * A traveling technician's new position: recomputes and stores the booking's ETA when the
     * throttle allows it. True when it did.
     */
    async onPosition(
      booking: TravelingBooking,
      position: StoredPosition,
      settings: StoredSettings,
    ): Promise<boolean> {
      if (!booking.destination) return false;
      const result = await updaterFor(settings).onPosition({
        key: booking.documentId,
        position,
        recordedAt: position.recordedAt,
        destination: booking.destination,
        timeZone: booking.timeZone ?? undefined,
      });
      if (result.recomputed) await store(booking.id, result.estimate);
      return result.recomputed;
    },

    /** An estimate right now, whatever the throttle says (the booking just started traveling). */
    async estimateNow(
      booking: TravelingBooking,
      position: StoredPosition,
      settings: StoredSettings,
    ): Promise<EtaEstimate | null> {
      if (!booking.destination) return null;
      const updater = updaterFor(settings);
      updater.forget(booking.documentId);
      const result = await updater.onPosition({
        key: booking.documentId,
        position,
        recordedAt: position.recordedAt,
        destination: booking.destination,
        timeZone: booking.timeZone ?? undefined,
      });
      return result.recomputed ? result.estimate : null;
    },

    /** The booking stopped traveling: its throttle state goes. */
    forget(documentId: string): void {
      current?.updater.forget(documentId);
    },
  };
}

export type EtaKeeper = ReturnType<typeof createEtaKeeper>;

/** The booking's ETA fields for an estimate, or cleared. */
export function etaFields(estimate: EtaEstimate | null): Record<string, unknown> {
  return {
    etaArrivesAt: estimate?.arrivesAt ?? null,
    etaComputedAt: estimate?.computedAt ?? null,
    etaSource: estimate?.source ?? null,
    etaFallback: estimate?.fallback ?? false,
  };
}
