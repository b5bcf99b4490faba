import { z } from 'zod';
import {
  bookingStatuses,
  channels,
  messageTypes,
  notificationStates,
  skipReasons,
} from './vocabulary.ts';

/** The words of the domain, shared by the plugin, the n8n nodes and the portal. */

export const BookingStatus = z.enum(bookingStatuses);
export type BookingStatus = z.infer<typeof BookingStatus>;

export const MessageType = z.enum(messageTypes);
export type MessageType = z.infer<typeof MessageType>;

export const Channel = z.enum(channels);
export type Channel = z.infer<typeof Channel>;

/** What the settings allow: email only, SMS only, or both. */
export const ChannelSetting = z.enum(['email', 'sms', 'both']);
export type ChannelSetting = z.infer<typeof ChannelSetting>;

export const NotificationState = z.enum(notificationStates);
export type NotificationState = z.infer<typeof NotificationState>;

export const SkipReason = z.enum(skipReasons);
export type SkipReason = z.infer<typeof SkipReason>;

/** ISO 8601 instant with offset, e.g. 2026-11-24T09:00:00.000Z. */
export const Instant = z.iso.datetime({ offset: true });

export const Latitude = z.number().min(-90).max(90);
export const Longitude = z.number().min(-180).max(180);
export const GeoPoint = z.object({ lat: Latitude, lng: Longitude });
export type GeoPoint = z.infer<typeof GeoPoint>;

/** An IANA time zone name that this runtime knows (Europe/Paris, America/New_York, Asia/Dubai). */
export const TimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return zone.includes('/') || zone === 'UTC';
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone name such as Europe/Paris' },
);
