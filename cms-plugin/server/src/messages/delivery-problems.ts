import type { Core } from '@strapi/strapi';
import type { DeliveryProblems } from '../../../shared/contracts/index.ts';
import { getService } from '../utils/get-service.ts';
import { UID } from '../utils/uids.ts';

const MINUTE = 60_000;

/**
 * What went wrong with deliveries lately: messages failed or expired, and booking events dead,
 * within the settings' window before `now`, and whether they reach the settings' threshold.
 */
export const createDeliveryProblemsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(now = new Date()): Promise<DeliveryProblems> {
    const settings = await getService('settings', { strapi }).read();
    const windowMinutes = settings.deliveryAlertWindowMinutes;
    const from = new Date(now.getTime() - windowMinutes * MINUTE);
    const within = { $gte: from, $lte: now };
    const messages = (state: 'failed' | 'expired') =>
      strapi.db.query(UID.notification).count({ where: { state, updatedAt: within } });
    const [failed, expired, dead] = await Promise.all([
      messages('failed'),
      messages('expired'),
      strapi.db.query(UID.bookingEventDelivery).count({
        where: { deadAt: within, deliveredAt: null, discardedAt: null, retriedAt: null },
      }),
    ]);
    const total = failed + expired + dead;
    return {
      from: from.toISOString(),
      until: now.toISOString(),
      windowMinutes,
      threshold: settings.deliveryAlertThreshold,
      failed,
      expired,
      dead,
      total,
      alert: total >= settings.deliveryAlertThreshold,
      operationsEmail: settings.operationsEmail,
    };
  },
});

export type DeliveryProblemsService = ReturnType<typeof createDeliveryProblemsService>;
