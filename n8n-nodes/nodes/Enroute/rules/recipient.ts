import type { MessageContext } from 'strapi-plugin-enroute/contracts';
import type { Recipient } from './types.ts';

/** The work order's reporter, else the settings' fallback contact, else the account's primary. */
export function resolveRecipient(context: MessageContext): Recipient | null {
  if (context.reportedBy) return { contact: context.reportedBy, source: 'reported-by' };
  if (context.fallbackContact) return { contact: context.fallbackContact, source: 'fallback' };
  const primary = context.serviceAccount.primaryContact;
  if (primary) return { contact: primary, source: 'primary' };
  return null;
}
