import { z } from 'zod';
import { bookingEventTypes } from './vocabulary.ts';

export const BookingEventType = z.enum(bookingEventTypes);
export type BookingEventType = z.infer<typeof BookingEventType>;
