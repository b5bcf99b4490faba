import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import type { ConsentOrigin } from '../messages/rules/consent.ts';

const origins = new AsyncLocalStorage<ConsentOrigin>();

/** Runs `work` as a change of consent from this origin (a STOP, the portal, the content API). */
export function withConsentOrigin<T>(origin: ConsentOrigin, work: () => Promise<T>): Promise<T> {
  return origins.run(origin, work);
}

type RequestState = { request?: { url?: string }; state?: { user?: { email?: string } } };

/**
 * Who is changing a contact now: the origin a plugin path declared, else an admin in the Content
 * Manager (named in the record), else an integration writing the contact without saying more.
 */
export function currentConsentOrigin(strapi: Core.Strapi): ConsentOrigin {
  const declared = origins.getStore();
  if (declared) return declared;
  const request = strapi.requestContext.get() as RequestState | undefined;
  if (request?.request?.url?.startsWith('/content-manager/')) {
    const admin = request.state?.user?.email;
    return { source: 'admin', text: admin ? `changed by ${admin}` : null, resubscribe: false };
  }
  return { source: 'api', text: null, resubscribe: false };
}
