import type { EnrouteUid } from '../utils/uids.ts';

/** The content types the tracking feature adds (`plugin::enroute.*`). */
export const TRACKING_UID = {
  technicianToken: 'plugin::enroute.technician-token',
  portalRating: 'plugin::enroute.portal-rating',
} as const;

/** The store helpers take the plugin's uids; these are the plugin's too. */
export const asEnrouteUid = (uid: (typeof TRACKING_UID)[keyof typeof TRACKING_UID]) =>
  uid as unknown as EnrouteUid;
