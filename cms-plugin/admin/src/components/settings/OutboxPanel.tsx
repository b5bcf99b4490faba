import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useLoad } from '../../utils/api.ts';
import { useEnrouteClient } from '../../utils/client.ts';
import { formatInstant } from '../../utils/format.ts';
import { getTranslation } from '../../utils/translations.ts';
import { useLabel } from './fields.tsx';

/** Booking events not yet accepted by the webhook endpoints: in all, then per endpoint. */
export const OutboxPanel = () => {
  const text = useLabel();
  const { formatMessage, locale } = useIntl();
  const api = useEnrouteClient();
  const backlog = useLoad('backlog', () => api.getBacklog().then((body) => body.data));
  const data = backlog.data;
  return (
    <Box padding={4} background="neutral100" hasRadius data-testid="outbox-backlog">
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="sigma">{text('outbox.title', 'Events waiting for n8n')}</Typography>
          {backlog.error ? <Typography textColor="danger600">{backlog.error}</Typography> : null}
          {data ? (
            <>
              <Typography>
                {formatMessage(
                  {
                    id: getTranslation('outbox.pending'),
                    defaultMessage:
                      '{pending, plural, =0 {None: every event was delivered.} one {# event waiting} other {# events waiting}}{retrying, plural, =0 {} other {, # retrying}}',
                  },
                  { pending: data.pending, retrying: data.retrying },
                )}
              </Typography>
              {data.oldestPendingAt ? (
                <Typography textColor="neutral600">
                  {text('outbox.oldest', 'Oldest')}: {formatInstant(data.oldestPendingAt, locale)}
                </Typography>
              ) : null}
              {data.endpoints.map((endpoint) => (
                <Typography key={endpoint.id} data-testid="outbox-endpoint">
                  <Typography fontWeight="bold">{endpoint.name}</Typography>
                  {endpoint.enabled ? '' : ` (${text('outbox.disabled', 'disabled')})`}
                  {': '}
                  {formatMessage(
                    {
                      id: getTranslation('outbox.endpointPending'),
                      defaultMessage:
                        '{pending, plural, =0 {up to date} one {# waiting} other {# waiting}}{retrying, plural, =0 {} other {, # retrying}}',
                    },
                    { pending: endpoint.pending, retrying: endpoint.retrying },
                  )}
                  {endpoint.oldestPendingAt
                    ? `, ${text('outbox.oldest', 'Oldest')}: ${formatInstant(endpoint.oldestPendingAt, locale)}`
                    : ''}
                  {endpoint.lastError ? (
                    <Typography textColor="danger600">
                      {' '}
                      ({text('outbox.lastError', 'Last error')}: {endpoint.lastError})
                    </Typography>
                  ) : null}
                </Typography>
              ))}
            </>
          ) : null}
        </Flex>
        <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={backlog.reload}>
          {text('outbox.refresh', 'Refresh')}
        </Button>
      </Flex>
    </Box>
  );
};
