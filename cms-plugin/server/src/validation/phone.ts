import { z } from 'zod';
import { parsePhone } from '../messages/rules/address.ts';

/** A phone number in international format, stored as E.164 (+33612345678). */
export const E164Phone = z.string().transform((input, ctx) => {
  // The same metadata as the rules that send to it: a number stored is a number sent to.
  const phone = parsePhone(input);
  if (phone?.isValid()) return phone.number;
  ctx.addIssue({
    code: 'custom',
    message: 'must be a valid phone number in international format, e.g. +33 6 12 34 56 78',
  });
  return z.NEVER;
});
