import { parsePhoneNumberWithError } from 'libphonenumber-js';
import { z } from 'zod';

/** A phone number in international format, stored as E.164 (+33612345678). */
export const E164Phone = z.string().transform((input, ctx) => {
  try {
    const phone = parsePhoneNumberWithError(input);
    if (phone.isValid()) return phone.number;
  } catch {
    // reported below
  }
  ctx.addIssue({
    code: 'custom',
    message: 'must be a valid phone number in international format, e.g. +33 6 12 34 56 78',
  });
  return z.NEVER;
});
