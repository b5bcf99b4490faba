import { useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import type {
  CustomerActionsView,
  RequestDecision,
} from '../../../shared/contracts/customer-actions.ts';
import { BookingPicker } from '../components/BookingPicker.tsx';
import { PageLayout } from '../components/PageLayout.tsx';
import { TextField, useLabel } from '../components/settings/fields.tsx';
import { apiErrors, useLoad } from '../utils/api.ts';
import { useEnrouteClient } from '../utils/client.ts';
import { formatInstant } from '../utils/format.ts';

const tones = { pending: 'warning', accepted: 'success', declined: 'neutral' } as const;

/** A pending request: accept it (the booking moves to the time given) or decline it. */
const Decision = ({
  request,
  onDecide,
}: {
  request: NonNullable<CustomerActionsView['request']>;
  onDecide: (decision: RequestDecision) => Promise<void>;
}) => {
  const text = useLabel();
  const [start, setStart] = React.useState<string | null>(request.window?.start ?? null);
  const [end, setEnd] = React.useState<string | null>(request.window?.end ?? null);
  const [busy, setBusy] = React.useState(false);
  const run = (decision: RequestDecision) => {
    setBusy(true);
    void onDecide(decision).finally(() => setBusy(false));
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={3} paddingTop={3}>
      <Flex gap={3} wrap="wrap" alignItems="flex-end">
        <TextField
          name="start"
          label={text('answers.start', 'New start (ISO 8601)')}
          value={start}
          onChange={setStart}
        />
        <TextField
          name="end"
          label={text('answers.end', 'New end (ISO 8601)')}
          value={end}
          onChange={setEnd}
        />
      </Flex>
      <Flex gap={2}>
        <Button
          disabled={busy || !start || !end}
          onClick={() => run({ decision: 'accept', start: start ?? '', end: end ?? '' })}
        >
          {text('answers.accept', 'Accept and move the booking')}
        </Button>
        <Button variant="danger-light" disabled={busy} onClick={() => run({ decision: 'decline' })}>
          {text('answers.decline', 'Decline')}
        </Button>
      </Flex>
    </Flex>
  );
};

/** What a booking's customer answered from their page, and the dispatcher's answer to a request. */
export const CustomerAnswersPage = () => {
  const text = useLabel();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useEnrouteClient();
  const [bookingId, setBookingId] = React.useState<string | null>(null);
  const answers = useLoad(bookingId, () =>
    api.getCustomerAnswers({ params: { documentId: bookingId ?? '' } }).then((body) => body.data),
  );

  async function decide(decision: RequestDecision) {
    try {
      await api.decideCustomerRequest({ params: { documentId: bookingId ?? '' }, body: decision });
      toggleNotification({
        type: 'success',
        message: text(`answers.done.${decision.decision}`, 'Done.'),
      });
      answers.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: apiErrors(error).message });
    }
  }

  const data = answers.data;
  const request = data?.request ?? null;
  return (
    <PageLayout
      title={text('answers.title', 'Customer answers')}
      subtitle={text(
        'answers.subtitle',
        'What the customer answered from the booking’s page: a confirmation, a request for another time, a cancel, a note for the technician.',
      )}
      error={answers.error}
      controls={<BookingPicker value={bookingId} onChange={setBookingId} />}
    >
      {data ? (
        <Box
          background="neutral0"
          hasRadius
          shadow="filterShadow"
          padding={4}
          data-testid="answers"
        >
          <Flex direction="column" alignItems="flex-start" gap={2}>
            <Typography>
              {text('answers.confirmed', 'Confirmed')}: {formatInstant(data.confirmedAt, locale)}
            </Typography>
            <Typography>
              {text('answers.canceled', 'Canceled by the customer')}:{' '}
              {formatInstant(data.canceledAt, locale)}
            </Typography>
            <Typography>
              {text('answers.note', 'Note for the technician')}: {data.note ?? '—'}
            </Typography>
            {request ? (
              <Box paddingTop={2} width="100%">
                <Flex gap={2} alignItems="center">
                  <Badge
                    textColor={`${tones[request.state]}600`}
                    backgroundColor={`${tones[request.state]}100`}
                  >
                    {text(`answers.state.${request.state}`, request.state)}
                  </Badge>
                  <Typography>
                    {request.window
                      ? `${formatInstant(request.window.start, locale)} – ${formatInstant(request.window.end, locale)}`
                      : request.preference}
                  </Typography>
                </Flex>
                <Typography textColor="neutral600">
                  {text('answers.requestedAt', 'Asked')}:{' '}
                  {formatInstant(request.requestedAt, locale)}
                  {request.decidedBy ? ` · ${request.decidedBy}` : ''}
                </Typography>
                {request.state === 'pending' ? (
                  <Decision key={request.requestedAt} request={request} onDecide={decide} />
                ) : null}
              </Box>
            ) : (
              <Typography textColor="neutral600">
                {text('answers.noRequest', 'No request for another time.')}
              </Typography>
            )}
          </Flex>
        </Box>
      ) : null}
    </PageLayout>
  );
};
