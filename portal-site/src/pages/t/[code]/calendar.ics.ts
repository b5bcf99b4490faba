import type { APIRoute } from 'astro';
import { calendarFor } from '../../../features/calendar/calendar.ts';
import { lookupCode } from '../../../features/portal-view/lookup-code.server.ts';
import { portalClient } from '../../../server/services.ts';

/** Add-to-calendar: the booked visit as an .ics file. */
export const GET: APIRoute = async ({ params }) => {
  const lookup = await lookupCode(portalClient, params.code ?? '', null);
  if (lookup.kind === 'error') return new Response('Try again in a minute.', { status: 503 });
  const calendar = lookup.view.available ? calendarFor(lookup.view) : null;
  if (!calendar) return new Response('Not available.', { status: 404 });
  return new Response(calendar.content, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${calendar.filename}"`,
    },
  });
};
