import { useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, NumberInput, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import type { AccessCodeAction, AccessCodeView } from '../../../shared/contracts/admin.ts';
import { BookingPicker } from '../components/BookingPicker.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { PageLayout } from '../components/PageLayout.tsx';
import { useLabel } from '../components/settings/fields.tsx';
import { apiErrors, useLoad } from '../utils/api.ts';
import { useEnrouteClient } from '../utils/client.ts';
import { formatInstant } from '../utils/format.ts';

const tones = { active: 'success', expired: 'neutral', blocked: 'danger' } as const;

/** One code's actions: extend by N days, expire now, block or unblock. */
const CodeActions = ({
  code,
  onApply,
}: {
  code: AccessCodeView;
  onApply: (change: AccessCodeAction) => Promise<void>;
}) => {
  const text = useLabel();
  const [days, setDays] = React.useState(7);
  const [busy, setBusy] = React.useState(false);
  const run = (change: AccessCodeAction) => {
    setBusy(true);
    void onApply(change).finally(() => setBusy(false));
  };
  return (
    <Flex gap={2} wrap="wrap">
      <Box width="90px">
        <NumberInput
          aria-label={text('codes.days', 'Days')}
          size="S"
          value={days}
          onValueChange={(value: number | undefined) => setDays(value ?? 1)}
        />
      </Box>
      <Button
        size="S"
        variant="secondary"
        disabled={busy}
        onClick={() => run({ action: 'extend', days })}
      >
        {text('codes.extend', 'Extend')}
      </Button>
      <Button size="S" variant="tertiary" disabled={busy} onClick={() => run({ action: 'expire' })}>
        {text('codes.expire', 'Expire now')}
      </Button>
      {code.state === 'blocked' ? (
        <Button
          size="S"
          variant="tertiary"
          disabled={busy}
          onClick={() => run({ action: 'unblock' })}
        >
          {text('codes.unblock', 'Unblock')}
        </Button>
      ) : (
        <Button
          size="S"
          variant="danger-light"
          disabled={busy}
          onClick={() => run({ action: 'block' })}
        >
          {text('codes.block', 'Block')}
        </Button>
      )}
    </Flex>
  );
};

/** A booking's customer links: their state, use, and who changed them when. */
export const AccessCodesPage = () => {
  const text = useLabel();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useEnrouteClient();
  const [bookingId, setBookingId] = React.useState<string | null>(null);
  const codes = useLoad(bookingId, () =>
    api.listAccessCodes({ query: { bookingId: bookingId ?? '' } }).then((body) => body.data),
  );

  async function apply(code: AccessCodeView, change: AccessCodeAction) {
    try {
      await api.applyAccessCodeAction({ params: { documentId: code.documentId }, body: change });
      toggleNotification({
        type: 'success',
        message: text(`codes.done.${change.action}`, 'Done.'),
      });
      codes.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: apiErrors(error).message });
    }
  }

  return (
    <PageLayout
      title={text('codes.title', 'Access codes')}
      subtitle={text(
        'codes.subtitle',
        'The links customers open their booking with. Changes take effect at once and are recorded with who made them.',
      )}
      error={codes.error}
      controls={<BookingPicker value={bookingId} onChange={setBookingId} />}
    >
      {bookingId && codes.data && codes.data.length === 0 ? (
        <Typography textColor="neutral600">
          {text('codes.none', 'This booking has no access code yet.')}
        </Typography>
      ) : null}
      {(codes.data ?? []).map((code) => (
        <Box
          key={code.documentId}
          background="neutral0"
          hasRadius
          shadow="filterShadow"
          padding={4}
          marginBottom={4}
          data-testid="access-code"
        >
          <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Badge
                textColor={`${tones[code.state]}600`}
                backgroundColor={`${tones[code.state]}100`}
              >
                {text(`codes.state.${code.state}`, code.state)}
              </Badge>
              <Typography>
                {text('codes.expires', 'Expires')}: {formatInstant(code.expiresAt, locale)}
              </Typography>
              <Typography textColor="neutral600">
                {text('codes.views', 'Views')}: {code.views} ·{' '}
                {text('codes.lastViewed', 'Last viewed')}:{' '}
                {formatInstant(code.lastViewedAt, locale)}
              </Typography>
            </Flex>
            <CodeActions code={code} onApply={(change) => apply(code, change)} />
          </Flex>
          <Box paddingTop={4}>
            <DataTable
              headers={[
                text('codes.when', 'When'),
                text('codes.action', 'Action'),
                text('codes.who', 'Who'),
                text('codes.newExpiry', 'New expiry'),
              ]}
              rows={[...code.history].reverse().map((entry) => ({
                key: `${entry.at}-${entry.action}`,
                cells: [
                  formatInstant(entry.at, locale),
                  text(`codes.history.${entry.action}`, entry.action),
                  entry.by,
                  formatInstant(entry.expiresAt ?? null, locale),
                ],
              }))}
            />
          </Box>
        </Box>
      ))}
    </PageLayout>
  );
};
