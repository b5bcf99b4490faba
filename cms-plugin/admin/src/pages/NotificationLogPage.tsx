import { Badge, Box, Button, Flex, Grid, Modal, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import type { AdminRequest } from '../../../shared/contracts/admin-routes.ts';
import {
  channels,
  messageTypes,
  notificationStates,
} from '../../../shared/contracts/vocabulary.ts';
import { BookingPicker } from '../components/BookingPicker.tsx';
import { BookingReplies } from '../components/BookingReplies.tsx';
import { DataTable, Pager } from '../components/DataTable.tsx';
import { PageLayout } from '../components/PageLayout.tsx';
import { SelectField, TextField, useLabel } from '../components/settings/fields.tsx';
import { useLoad } from '../utils/api.ts';
import { useEnrouteClient } from '../utils/client.ts';
import { formatInstant } from '../utils/format.ts';

type Filters = {
  bookingId: string | null;
  type: string;
  channel: string;
  state: string;
  from: string | null;
  to: string | null;
};

const ANY = 'any';

type LogQuery = AdminRequest<'listNotifications'>['query'];

/** A filter's value when it is one of the listed ones (not "any"). */
function chosen<Value extends string>(values: readonly Value[], value: string): Value | undefined {
  return values.find((listed) => listed === value);
}
const stateColours: Record<string, 'success' | 'danger' | 'secondary' | 'neutral'> = {
  sent: 'success',
  failed: 'danger',
  pending: 'secondary',
  skipped: 'neutral',
};

const StateBadge = ({ state }: { state: string }) => {
  const text = useLabel();
  const tone = stateColours[state] ?? 'neutral';
  return (
    <Badge textColor={`${tone}600`} backgroundColor={`${tone}100`}>
      {text(`state.${state}`, state)}
    </Badge>
  );
};

/** One message as it was sent: the exact content and what the provider answered. */
const DetailModal = ({ documentId, onClose }: { documentId: string; onClose: () => void }) => {
  const text = useLabel();
  const { locale } = useIntl();
  const api = useEnrouteClient();
  const detail = useLoad(documentId, () =>
    api.getNotification({ params: { documentId } }).then((body) => body.data),
  );
  const entry = detail.data;
  const rows: [string, React.ReactNode][] = entry
    ? [
        [text('log.booking', 'Booking'), entry.bookingLabel ?? entry.bookingId],
        [text('log.type', 'Message'), text(`message.${entry.type}`, entry.type)],
        [text('log.channel', 'Channel'), text(`channel.${entry.channel}`, entry.channel)],
        [text('log.recipient', 'Recipient'), entry.recipientMasked ?? '—'],
        [text('log.state', 'State'), <StateBadge key="state" state={entry.state} />],
        [text('log.reason', 'Reason'), entry.reason ?? '—'],
        [text('log.providerMessageId', 'Provider message id'), entry.providerMessageId ?? '—'],
        [text('log.attempts', 'Attempts'), String(entry.attempts)],
        [text('log.key', 'Idempotency key'), <code key="key">{entry.idempotencyKey}</code>],
        [text('log.created', 'Logged'), formatInstant(entry.createdAt, locale)],
        [text('log.updated', 'Last change'), formatInstant(entry.updatedAt, locale)],
      ]
    : [];

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{text('log.detail', 'Message details')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {detail.error ? <Typography textColor="danger600">{detail.error}</Typography> : null}
          {entry ? (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Grid.Root gap={2}>
                {rows.map(([label, value]) => (
                  <React.Fragment key={label}>
                    <Grid.Item col={4}>
                      <Typography variant="sigma">{label}</Typography>
                    </Grid.Item>
                    <Grid.Item col={8}>
                      <Typography>{value}</Typography>
                    </Grid.Item>
                  </React.Fragment>
                ))}
              </Grid.Root>
              <Typography variant="delta" tag="h3">
                {text('log.content', 'Content sent')}
              </Typography>
              {entry.content ? (
                <>
                  {entry.content.subject ? (
                    <Typography fontWeight="bold">{entry.content.subject}</Typography>
                  ) : null}
                  {entry.content.html ? (
                    <iframe
                      title={text('log.html', 'Email as sent')}
                      sandbox=""
                      srcDoc={entry.content.html}
                      style={{ width: '100%', height: 420, border: '1px solid #ddd' }}
                    />
                  ) : null}
                  {(entry.content.body ?? entry.content.text) ? (
                    <Box padding={3} background="neutral100" hasRadius>
                      <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                        {entry.content.body ?? entry.content.text}
                      </pre>
                    </Box>
                  ) : null}
                </>
              ) : (
                <Typography textColor="neutral600">
                  {text('log.noContent', 'Nothing was recorded as sent.')}
                </Typography>
              )}
              <Typography variant="delta" tag="h3">
                {text('log.providerResponse', "Provider's answer")}
              </Typography>
              <Box padding={3} background="neutral100" hasRadius>
                <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {entry.providerResponse === null
                    ? '—'
                    : JSON.stringify(entry.providerResponse, null, 2)}
                </pre>
              </Box>
            </Flex>
          ) : null}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{text('close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** The message log, read-only: filter, page through, open one message. */
export const NotificationLogPage = () => {
  const text = useLabel();
  const { locale } = useIntl();
  const api = useEnrouteClient();
  const [filters, setFilters] = React.useState<Filters>({
    bookingId: null,
    type: ANY,
    channel: ANY,
    state: ANY,
    from: null,
    to: null,
  });
  const [page, setPage] = React.useState(1);
  const [open, setOpen] = React.useState<string | null>(null);
  const query: LogQuery = {
    page,
    pageSize: 20,
    bookingId: filters.bookingId ?? undefined,
    type: chosen(messageTypes, filters.type),
    channel: chosen(channels, filters.channel),
    state: chosen(notificationStates, filters.state),
    from: filters.from ?? undefined,
    to: filters.to ?? undefined,
  };
  const log = useLoad(JSON.stringify(query), () => api.listNotifications({ query }));
  const filter = <Key extends keyof Filters>(key: Key, value: Filters[Key]) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setPage(1);
  };
  const choices = (values: readonly string[], prefix: string) => [
    { value: ANY, label: text('filter.any', 'Any') },
    ...values.map((value) => ({ value, label: text(`${prefix}.${value}`, value) })),
  ];
  const meta = log.data?.meta;

  return (
    <PageLayout
      title={text('log.title', 'Notification log')}
      subtitle={text(
        'log.subtitle',
        'Every message, sent or not, with the reason. Recipients are masked.',
      )}
      error={log.error}
      controls={
        <Grid.Root gap={4}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <BookingPicker value={filters.bookingId} onChange={(id) => filter('bookingId', id)} />
          </Grid.Item>
          {(
            [
              ['type', text('log.type', 'Message'), choices(messageTypes, 'message')],
              ['channel', text('log.channel', 'Channel'), choices(channels, 'channel')],
              ['state', text('log.state', 'State'), choices(notificationStates, 'state')],
            ] as const
          ).map(([key, label, options]) => (
            <Grid.Item key={key} col={2} s={6} direction="column" alignItems="stretch">
              <SelectField
                name={key}
                label={label}
                value={filters[key]}
                options={options}
                onChange={(value) => filter(key, value)}
              />
            </Grid.Item>
          ))}
          {(
            [
              ['from', text('log.from', 'From')],
              ['to', text('log.to', 'To')],
            ] as const
          ).map(([key, label]) => (
            <Grid.Item key={key} col={1} s={6} direction="column" alignItems="stretch">
              <TextField
                name={key}
                type="date"
                label={label}
                value={filters[key]}
                onChange={(value) => filter(key, value)}
              />
            </Grid.Item>
          ))}
        </Grid.Root>
      }
    >
      <DataTable
        headers={[
          text('log.created', 'Logged'),
          text('log.booking', 'Booking'),
          text('log.type', 'Message'),
          text('log.channel', 'Channel'),
          text('log.recipient', 'Recipient'),
          text('log.state', 'State'),
          text('log.reason', 'Reason'),
        ]}
        rows={(log.data?.data ?? []).map((entry) => ({
          key: entry.documentId,
          onClick: () => setOpen(entry.documentId),
          cells: [
            formatInstant(entry.createdAt, locale),
            entry.bookingLabel ?? entry.bookingId,
            text(`message.${entry.type}`, entry.type),
            text(`channel.${entry.channel}`, entry.channel),
            entry.recipientMasked ?? '—',
            <StateBadge key="state" state={entry.state} />,
            entry.reason ?? '',
          ],
        }))}
      />
      {meta && meta.total === 0 ? (
        <Box padding={6}>
          <Typography textColor="neutral600">
            {text('log.empty', 'No message matches these filters.')}
          </Typography>
        </Box>
      ) : null}
      {meta ? <Pager meta={meta} onPage={setPage} /> : null}
      {filters.bookingId ? <BookingReplies bookingId={filters.bookingId} /> : null}
      {open ? <DetailModal documentId={open} onClose={() => setOpen(null)} /> : null}
    </PageLayout>
  );
};
