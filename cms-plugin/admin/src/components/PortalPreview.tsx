import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Eye } from '@strapi/icons';
import * as React from 'react';
import type { Branding } from '../../../shared/contracts/branding.ts';
import type { BookingStatus } from '../../../shared/contracts/domain.ts';
import { bookingStatuses } from '../../../shared/contracts/vocabulary.ts';
import { useAction } from '../utils/api.ts';
import { useEnrouteClient } from '../utils/client.ts';
import { SelectField, useLabel } from './settings/fields.tsx';

/** The two widths the page is seen at, and how much each is shrunk to fit beside the form. */
const SCREENS = [
  { id: 'phone', label: 'Phone', width: 390, height: 780, scale: 0.75 },
  { id: 'desktop', label: 'Desktop', width: 1280, height: 900, scale: 0.4 },
] as const;

/**
 * The customer page as it will look, served by the portal with sample data in the state chosen,
 * with the unsaved branding and snippets: at a phone's width and a desktop's.
 */
export const PortalPreview = ({
  locale,
  branding,
  snippets,
}: {
  locale: string;
  branding: Branding;
  snippets: Record<string, string>;
}) => {
  const text = useLabel();
  const api = useEnrouteClient();
  const [state, setState] = React.useState<BookingStatus>('traveling');
  const [url, setUrl] = React.useState<string | null>(null);
  const { busy, error, run } = useAction();
  const show = () =>
    run(async () => {
      const body = await api.portalPreview({
        body: { state, locale, branding, snippets, frameAncestor: window.location.origin },
      });
      setUrl(body.data.url);
    });

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="portal-preview">
      <Flex gap={4} alignItems="flex-end">
        <Box grow={1}>
          <SelectField
            name="portalPreviewState"
            label={text('portalPreview.state', 'Booking state')}
            value={state}
            options={bookingStatuses.map((value) => ({
              value,
              label: text(`webhooks.status.${value}`, value),
            }))}
            onChange={setState}
          />
        </Box>
        <Button variant="secondary" startIcon={<Eye />} loading={busy} onClick={() => void show()}>
          {text('portalPreview.show', 'Show the customer page')}
        </Button>
      </Flex>
      {error ? <Typography textColor="danger600">{error}</Typography> : null}
      {url ? (
        <Flex gap={4} alignItems="flex-start" wrap="wrap">
          {SCREENS.map((screen) => (
            <Box
              key={screen.id}
              hasRadius
              borderColor="neutral200"
              overflow="hidden"
              style={{ width: screen.width * screen.scale, height: screen.height * screen.scale }}
            >
              <iframe
                title={text(`portalPreview.${screen.id}`, `Customer page, ${screen.label}`)}
                src={url}
                style={{
                  width: screen.width,
                  height: screen.height,
                  border: 0,
                  transform: `scale(${screen.scale})`,
                  transformOrigin: '0 0',
                }}
              />
            </Box>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
};
