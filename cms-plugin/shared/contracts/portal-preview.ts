import { z } from 'zod';
import { Branding } from './branding.ts';
import { BookingStatus, Instant } from './domain.ts';
import { FrameAncestor } from './portal-view.ts';

/**
 * The customer page as it will look, for the admin: a booking state and a locale, with unsaved
 * branding and snippets, shown by the portal inside the admin.
 *
 *   POST /enroute/portal-preview (admin)   → PortalPreviewRequest ⇒ PortalPreviewLink
 *   GET  /api/enroute/portal-preview/:token (the portal's read-only token)
 *                                          → AvailablePortalView of sample data (404 once expired)
 *
 * The link's token is signed by the plugin and lasts a few minutes; it holds the choices, never a
 * booking: the page shows sample data only.
 */
export const PortalPreviewRequest = z
  .object({
    state: BookingStatus,
    locale: z.string().min(2).max(16),
    /** The admin's own origin, the one site allowed to frame the preview. */
    frameAncestor: FrameAncestor,
    branding: Branding.optional(),
    /** Unsaved snippet edits of this locale (the changed keys). */
    snippets: z.record(z.string(), z.string().max(10_000)).optional(),
  })
  .strict();
export type PortalPreviewRequest = z.infer<typeof PortalPreviewRequest>;

export const PortalPreviewLink = z.object({
  /** The portal's preview page, to open in an iframe. */
  url: z.url(),
  expiresAt: Instant,
});
export type PortalPreviewLink = z.infer<typeof PortalPreviewLink>;
