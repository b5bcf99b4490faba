import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';
import type { DeadLetter } from '../../../../shared/contracts/admin.ts';
import { useLoad } from '../../utils/api.ts';
import { useEnrouteClient } from '../../utils/client.ts';
import { formatInstant } from '../../utils/format.ts';
import { getTranslation } from '../../utils/translations.ts';
import { useLabel } from './fields.tsx';

/** What an admin may do with a dead letter, and how its button looks. */
const DECISIONS = [
  { action: 'retry', variant: 'secondary' },
  { action: 'discard', variant: 'danger-light' },
] as const;

/**
 * Booking events not yet accepted by the webhook endpoints: in all, then per endpoint; then the
 * dead letters (no longer retried) with their error, each to retry or discard.
 */
export const OutboxPanel = () => {
  const text = useLabel();
  const { formatMessage, locale } = useIntl();
  const api = useEnrouteClient();
  const backlog = useLoad('backlog', () => api.getBacklog().then((body) => body.data));
  const data = backlog.data;
  const [deciding, setDeciding] = React.useState<number | null>(null);
  const [decisionError, setDecisionError] = React.useState<string | null>(null);
  const decide = async (letter: DeadLetter, action: 'retry' | 'discard') => {
    setDeciding(letter.id);
    setDecisionError(null);
    try {
      await api.applyDeadLetterAction({ params: { id: letter.id }, body: { action } });
      backlog.reload();
    } catch (error) {
      setDecisionError(error instanceof Error ? error.message : String(error));
    } finally {
      setDeciding(null);
    }
  };
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
                  {endpoint.dead > 0
                    ? `, ${formatMessage(
                        {
                          id: getTranslation('outbox.dead'),
                          defaultMessage: '{dead, plural, one {# dead} other {# dead}}',
                        },
                        { dead: endpoint.dead },
                      )}`
                    : ''}
                  {endpoint.lastError ? (
                    <Typography textColor="danger600">
                      {' '}
                      ({text('outbox.lastError', 'Last error')}: {endpoint.lastError})
                    </Typography>
                  ) : null}
                </Typography>
              ))}
              {data.deadLetters.length > 0 ? (
                <Typography variant="sigma">
                  {text('outbox.deadLetters', 'Events no longer retried')}
                </Typography>
              ) : null}
              {decisionError ? (
                <Typography textColor="danger600">{decisionError}</Typography>
              ) : null}
              {data.deadLetters.map((letter) => (
                <Flex key={letter.id} gap={2} data-testid="outbox-dead-letter">
                  <Typography>
                    {letter.type} · {letter.bookingDocumentId} ·{' '}
                    {formatInstant(letter.occurredAt, locale)} ·{' '}
                    {letter.state === 'discarded'
                      ? `${text('outbox.discarded', 'discarded')} (${letter.discardedBy ?? ''}, ${
                          letter.discardedAt ? formatInstant(letter.discardedAt, locale) : ''
                        })`
                      : letter.state !== 'dead'
                        ? `${text('outbox.retried', 'retried')} (${letter.retriedBy ?? ''}, ${
                            letter.retriedAt ? formatInstant(letter.retriedAt, locale) : ''
                          }): ${
                            letter.state === 'delivered'
                              ? text('outbox.delivered', 'delivered')
                              : text('outbox.waiting', 'waiting')
                          }`
                        : formatMessage(
                            {
                              id: getTranslation('outbox.deadAfter'),
                              defaultMessage:
                                'dead after {attempts, plural, one {# attempt} other {# attempts}}',
                            },
                            { attempts: letter.attempts },
                          )}
                    {letter.lastError ? (
                      <Typography textColor="danger600"> ({letter.lastError})</Typography>
                    ) : null}
                  </Typography>
                  {letter.state === 'dead'
                    ? DECISIONS.map(({ action, variant }) => (
                        <Button
                          key={action}
                          variant={variant}
                          size="S"
                          disabled={deciding !== null}
                          onClick={() => void decide(letter, action)}
                        >
                          {action === 'retry'
                            ? text('outbox.retry', 'Retry')
                            : text('outbox.discard', 'Discard')}
                        </Button>
                      ))
                    : null}
                </Flex>
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
