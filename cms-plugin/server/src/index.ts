import type { Core } from '@strapi/strapi';
import config from './config.ts';
import contentTypes from './content-types/index.ts';
import controllers from './controllers/index.ts';
import { registerDocumentMiddlewares } from './document-middlewares.ts';
import { moveBookingsIntoTheirTables } from './utils/booking-columns.ts';
import { accessCodeLookups } from './middlewares/access-code-lookups.ts';
import { adminFramesPortal } from './middlewares/admin-frames-portal.ts';
import { registerPermissions } from './permissions.ts';
import routes from './routes/index.ts';
import services from './services/index.ts';
import { getService } from './utils/get-service.ts';
import { tracking } from './tracking/index.ts';

type Lifecycle = { strapi: Core.Strapi };

export default {
  async register({ strapi }: Lifecycle) {
    await registerPermissions(strapi);
    registerDocumentMiddlewares(strapi);
    strapi
      .hook('strapi::content-types.beforeSync')
      .register(() => moveBookingsIntoTheirTables(strapi));
  },
  async bootstrap({ strapi }: Lifecycle) {
    await getService('snippets', { strapi }).seed();
    const events = getService('booking-events', { strapi });
    await events.migrate();
    await events.startRelay();
    tracking.bootstrap(strapi);
    strapi.server.use(adminFramesPortal(strapi));
    // In the background: a message prepared meanwhile compiles what it needs itself.
    setImmediate(() => {
      getService('prepare', { strapi })
        .warm()
        .catch((error: unknown) =>
          strapi.log.warn(`enroute: messages not compiled ahead: ${String(error)}`),
        );
    });
  },
  async destroy({ strapi }: Lifecycle) {
    await getService('booking-events', { strapi }).stopRelay();
    tracking.destroy(strapi);
  },
  config,
  contentTypes,
  controllers,
  middlewares: { 'access-code-lookups': accessCodeLookups },
  routes,
  services,
};
