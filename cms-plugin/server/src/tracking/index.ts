import type { Core } from '@strapi/strapi';
import {
  createCustomerRequestsController,
  createLocationsController,
  createPortalController,
} from './controllers.ts';
import { createTechnicianAppService } from './technician-app.ts';
import { createTechnicianAppController } from './technician-app-controller.ts';
import { createTechnicianTokensService } from './technician-tokens.ts';
import { createTrackingService } from './service.ts';
import { createCustomerActions } from './customer-actions.ts';
import { createPortalPreviewService } from './portal-preview.ts';
import { createPortalPreviewController } from './portal-preview-controller.ts';
import { getService } from '../utils/get-service.ts';

export { trackingContentTypes } from './content-types.ts';
export { trackingRoutes } from './routes.ts';

export const trackingServices = {
  tracking: createTrackingService,
  'technician-tokens': createTechnicianTokensService,
  'technician-app': createTechnicianAppService,
  'customer-actions': ({ strapi }: { strapi: Core.Strapi }) => createCustomerActions(strapi),
  'portal-preview': createPortalPreviewService,
};

export const trackingControllers = {
  locations: createLocationsController,
  portal: createPortalController,
  'technician-app': createTechnicianAppController,
  'customer-requests': createCustomerRequestsController,
  'portal-preview': createPortalPreviewController,
};

const service = (strapi: Core.Strapi) => getService('tracking', { strapi });

/**
 * Live tracking's part of the plugin's lifecycle; its Document Service middleware is registered
 * with the others, in ../document-middlewares.ts.
 */
export const tracking = {
  bootstrap(strapi: Core.Strapi): void {
    service(strapi).start();
  },
  destroy(strapi: Core.Strapi): void {
    service(strapi).stop();
  },
};
