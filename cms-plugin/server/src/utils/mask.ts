/** Masks a recipient for lists: `j***@e***.com`, `+33******78`. */
export function maskRecipient(recipient: string | null): string | null {
  if (!recipient) return null;
  const at = recipient.indexOf('@');
  if (at > 0) {
    const domain = recipient.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    const tld = dot > 0 ? domain.slice(dot) : '';
    return `${recipient[0]}***@${domain[0] ?? ''}***${tld}`;
  }
  if (recipient.length <= 5) return '*'.repeat(recipient.length);
  return `${recipient.slice(0, 3)}${'*'.repeat(recipient.length - 5)}${recipient.slice(-2)}`;
}
