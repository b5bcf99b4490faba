/** Where a booking's contacts come from: the work order, the settings, the service account. */
export type RecipientCandidates<Contact> = {
  reportedBy: Contact | null;
  fallbackContact: Contact | null;
  serviceAccount: { primaryContact: Contact | null };
};

export type Recipient<Contact> = {
  contact: Contact;
  source: 'reported-by' | 'fallback' | 'primary';
};

/** The work order's reporter, else the settings' fallback contact, else the account's primary. */
export function resolveRecipient<Contact>(
  candidates: RecipientCandidates<Contact>,
): Recipient<Contact> | null {
  if (candidates.reportedBy) return { contact: candidates.reportedBy, source: 'reported-by' };
  if (candidates.fallbackContact) {
    return { contact: candidates.fallbackContact, source: 'fallback' };
  }
  const primary = candidates.serviceAccount.primaryContact;
  return primary ? { contact: primary, source: 'primary' } : null;
}
