import { Box, Button, Grid, Typography } from '@strapi/design-system';
import { Eye } from '@strapi/icons';
import * as React from 'react';
import type { PreviewResponse } from '../../../shared/contracts/admin-pages.ts';
import { type MessageType } from '../../../shared/contracts/domain.ts';
import { BookingPicker } from '../components/BookingPicker.tsx';
import { MessagePreview } from '../components/MessagePreview.tsx';
import { PageLayout } from '../components/PageLayout.tsx';
import { LocaleField, MessageTypeField } from '../components/MessageFields.tsx';
import { useLabel } from '../components/settings/fields.tsx';
import { useAction, useLoad } from '../utils/api.ts';
import { useEnrouteClient } from '../utils/client.ts';

/** Choose a message, a language and a booking; see the email and the SMS as the customer will. */
export const PreviewPage = () => {
  const text = useLabel();
  const api = useEnrouteClient();
  const [type, setType] = React.useState<MessageType>('reminder');
  const [locale, setLocale] = React.useState('en');
  const [bookingId, setBookingId] = React.useState<string | null>(null);
  const [preview, setPreview] = React.useState<PreviewResponse | null>(null);
  const locales = useLoad('locales', () =>
    api.getSnippets({ query: { locale: 'en' } }).then((body) => body.data.locales),
  );

  const { busy, error, run } = useAction();
  const show = () =>
    run(async () => {
      const body = await api.preview({ body: { type, locale, bookingId } });
      setPreview(body.data);
    });

  return (
    <PageLayout
      title={text('preview.title', 'Message preview')}
      subtitle={text(
        'preview.subtitle',
        'Rendered with the saved snippets and display settings. Without a booking, sample data stands in.',
      )}
      error={error}
      controls={
        <Grid.Root gap={4}>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <MessageTypeField value={type} onChange={setType} />
          </Grid.Item>
          <Grid.Item col={2} s={12} direction="column" alignItems="stretch">
            <LocaleField locales={locales.data ?? ['en']} value={locale} onChange={setLocale} />
          </Grid.Item>
          <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
            <BookingPicker
              value={bookingId}
              onChange={setBookingId}
              hint={text('preview.bookingHint', 'Optional: sample data is used without one.')}
            />
          </Grid.Item>
          <Grid.Item col={2} s={12} paddingTop={6} alignItems="flex-start">
            <Button startIcon={<Eye />} loading={busy} onClick={() => void show()}>
              {text('preview.show', 'Preview')}
            </Button>
          </Grid.Item>
        </Grid.Root>
      }
    >
      {preview ? (
        <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
          <Box paddingBottom={4}>
            <Typography textColor="neutral600">
              {preview.sample
                ? text('preview.sample', 'Sample data')
                : `${text('preview.to', 'To')}: ${preview.recipient.name}`}
            </Typography>
          </Box>
          <MessagePreview preview={preview} />
        </Box>
      ) : null}
    </PageLayout>
  );
};
