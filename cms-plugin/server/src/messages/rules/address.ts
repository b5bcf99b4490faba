import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

/**
 * Every phone number in Enroute is read with libphonenumber's full metadata (`/max`): the records
 * API that stores a number and the rules that send to it give the same verdict for it.
 */
export function parsePhone(value: string): PhoneNumber | undefined {
  return parsePhoneNumberFromString(value);
}

/** The HTML Living Standard's "valid email address" (what browsers accept in type=email). */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** A real, dialable number written in E.164 (+ and digits only, nothing else). */
export function isValidE164(value: string): boolean {
  const parsed = parsePhone(value);
  return parsed !== undefined && parsed.isValid() && parsed.number === value;
}

/** Types of number that cannot receive a text message. */
const NOT_MOBILE = new Set([
  'FIXED_LINE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'PAGER',
  'UAN',
  'VOICEMAIL',
]);

/**
 * Whether a valid E.164 number can take an SMS: mobile numbers, and numbers that the numbering
 * plan does not tell apart from mobile ones (the US and Canada); landlines, service numbers and
 * numbers of no known type not.
 */
export function canReceiveSms(value: string): boolean {
  const type = parsePhone(value)?.getType();
  return type !== undefined && !NOT_MOBILE.has(type);
}
