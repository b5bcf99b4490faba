import type { Core } from '@strapi/strapi';
import type { RecordResult, RecordResultsResponse } from '../../../shared/contracts/index.ts';
import { getService } from '../utils/get-service.ts';

/**
 * A batch of delivery results in one request, recorded together. One that cannot be recorded
 * (unknown id, already recorded) is answered in `errors` and does not hold back the others.
 */
export const createResultsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(results: RecordResult[], now = new Date()): Promise<RecordResultsResponse> {
    const { data, errors } = await getService('notifications', { strapi }).recordMany(results, now);
    return {
      data,
      errors: [...errors].map(([index, error]) => ({
        index,
        notificationId: results[index]?.notificationId ?? '',
        status: error.status,
        message: error.message,
      })),
    };
  },
});

export type ResultsService = ReturnType<typeof createResultsService>;
