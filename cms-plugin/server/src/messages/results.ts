import type { Core } from '@strapi/strapi';
import type { RecordResult, RecordResultsResponse } from '../../../shared/contracts/index.ts';
import { getService } from '../utils/get-service.ts';
import { RequestError } from '../validation/errors.ts';

/**
 * A batch of delivery results in one request. Each result is recorded on its own: one that
 * cannot be (unknown id, already recorded) is answered in `errors` and does not hold back the
 * others.
 */
export const createResultsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(results: RecordResult[]): Promise<RecordResultsResponse> {
    const notifications = getService('notifications', { strapi });
    const answer: RecordResultsResponse = { data: [], errors: [] };
    for (const [index, { notificationId, ...result }] of results.entries()) {
      try {
        answer.data.push(await notifications.record(notificationId, result));
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
        answer.errors.push({ index, notificationId, status: error.status, message: error.message });
      }
    }
    return answer;
  },
});

export type ResultsService = ReturnType<typeof createResultsService>;
