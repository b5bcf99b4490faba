import type { Core } from '@strapi/strapi';
import type { RatingRequest } from '../../../shared/contracts/portal-view.ts';
import { isUniqueViolation } from '../utils/db-errors.ts';
import { getService } from '../utils/get-service.ts';
import { RequestError } from '../validation/errors.ts';
import { documents, query } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { TRACKING_UID, asEnrouteUid } from './uids.ts';

const refused = (status: 404 | 409, path: string, message: string) =>
  new RequestError(status, [{ path, message }], status === 404 ? 'Not Found' : message);

/** The built-in rating: once per booking, once it is completed, when no survey stands in. */
export async function rateBooking(
  strapi: Core.Strapi,
  code: string,
  rating: RatingRequest,
): Promise<{ score: number; comment: string | null }> {
  const opened = await getService('access-codes', { strapi }).check(code);
  if (!opened) throw refused(404, 'code', 'no such access code');
  const booking = await query(strapi, UID.booking).findOne({
    where: { documentId: opened.bookingId },
    select: ['id', 'documentId', 'bookingStatus'],
  });
  if (!booking) throw refused(404, 'code', 'no such access code');
  if (booking.bookingStatus !== 'completed') {
    throw refused(409, 'booking', 'can be rated once the work is completed');
  }
  if ((await getService('settings', { strapi }).read()).surveyUrl) {
    throw refused(409, 'booking', 'is rated through the survey');
  }
  const comment = rating.comment ? rating.comment : null;
  try {
    await documents(strapi, asEnrouteUid(TRACKING_UID.portalRating)).create({
      data: { booking: booking.documentId, score: rating.score, comment },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw refused(409, 'booking', 'has already been rated');
    throw error;
  }
  return { score: rating.score, comment };
}
