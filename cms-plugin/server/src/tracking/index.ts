import type { Core } from '@strapi/strapi';
import { createLocationsController, createPortalController } from './controllers.ts';
import { trackingMiddleware } from './middleware.ts';
import { createTechnicianTokensService } from './technician-tokens.ts';
import { createTrackingService } from './service.ts';
import { getService } from '../utils/get-service.ts';

export { trackingContentTypes } from './content-types.ts';
export { trackingRoutes } from './routes.ts';

export const trackingServices = {
  tracking: createTrackingService,
  'technician-tokens': createTechnicianTokensService,
};

export const trackingControllers = {
  locations: createLocationsController,
  portal: createPortalController,
};

const service = (strapi: Core.Strapi) => getService('tracking', { strapi });

/** Live tracking's part of the plugin's lifecycle. */
export const tracking = {
  register(strapi: Core.Strapi): void {
    strapi.documents.use(
      trackingMiddleware(strapi) as Parameters<Core.Strapi['documents']['use']>[0],
    );
  },
  bootstrap(strapi: Core.Strapi): void {
    service(strapi).start();
  },
  destroy(strapi: Core.Strapi): void {
    service(strapi).stop();
  },
};
