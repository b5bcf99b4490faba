import { Box, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useLoad } from '../utils/api.ts';
import { useEnrouteClient } from '../utils/client.ts';
import { formatInstant } from '../utils/format.ts';
import { DataTable } from './DataTable.tsx';
import { useLabel } from './settings/fields.tsx';

/** The texts a booking's customer sent back (STOP, START, HELP or a reply), and what followed. */
export const BookingReplies = ({ bookingId }: { bookingId: string }) => {
  const text = useLabel();
  const { locale } = useIntl();
  const api = useEnrouteClient();
  const replies = useLoad(bookingId, () =>
    api.listReplies({ params: { documentId: bookingId } }).then((body) => body.data),
  );
  const rows = replies.data ?? [];
  return (
    <Box paddingTop={6}>
      <Typography variant="delta" tag="h2">
        {text('replies.title', 'Texts from the customer')}
      </Typography>
      {rows.length === 0 ? (
        <Box paddingTop={2}>
          <Typography textColor="neutral600">
            {text('replies.empty', 'The customer has not texted back about this booking.')}
          </Typography>
        </Box>
      ) : (
        <DataTable
          headers={[
            text('replies.received', 'Received'),
            text('replies.from', 'From'),
            text('replies.text', 'Text'),
            text('replies.kind', 'Taken as'),
            text('replies.outcome', 'Answered or forwarded'),
          ]}
          rows={rows.map((reply) => ({
            key: reply.documentId,
            cells: [
              formatInstant(reply.receivedAt, locale),
              reply.from ?? '—',
              reply.body,
              text(`replies.kind.${reply.kind}`, reply.kind),
              reply.answer ?? (reply.forwardedTo ? `→ ${reply.forwardedTo}` : '—'),
            ],
          }))}
        />
      )}
    </Box>
  );
};
