import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { Badge, Box, Button, Grid, Typography } from '@strapi/design-system';
import { Link as LinkIcon, Plus } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';
import type { AdminFieldError } from '../../../shared/contracts/admin-pages.ts';
import { DataTable, Pager } from '../components/DataTable.tsx';
import { PageLayout } from '../components/PageLayout.tsx';
import { ErrorsContext, SelectField, TextField, useLabel } from '../components/settings/fields.tsx';
import { PERMISSIONS } from '../permissions.ts';
import { apiErrors, useLoad } from '../utils/api.ts';
import { useEnrouteClient } from '../utils/client.ts';
import { formatInstant } from '../utils/format.ts';

const NONE = '';

/** Positions per technician, newest first, and placing a technician by hand. */
export const PositionsPage = () => {
  const text = useLabel();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useEnrouteClient();
  // The admin names each permission after its action's last word: settings.update → canUpdate.
  const {
    allowedActions: { canUpdate: canPlace },
  } = useRBAC(PERMISSIONS.updateSettings);
  const [resourceId, setResourceId] = React.useState(NONE);
  const [page, setPage] = React.useState(1);
  const [lat, setLat] = React.useState<string | null>(null);
  const [lng, setLng] = React.useState<string | null>(null);
  const [accuracy, setAccuracy] = React.useState<string | null>(null);
  const [errors, setErrors] = React.useState<AdminFieldError[]>([]);
  /** A sign-in link just made for the chosen technician: shown this once. */
  const [signInLink, setSignInLink] = React.useState<string | null>(null);
  const resources = useLoad('resources', () =>
    api.lookupNamed({ params: { kind: 'resources' }, query: {} }).then((body) => body.data),
  );
  const positions = useLoad(resourceId ? `${resourceId}:${page}` : null, () =>
    api.listPositions({ query: { resourceId: resourceId ?? '', page, pageSize: 25 } }),
  );

  async function place() {
    const number = (value: string | null) => (value === null ? Number.NaN : Number(value));
    try {
      await api.placePosition({
        body: {
          resourceId: resourceId ?? '',
          lat: number(lat),
          lng: number(lng),
          ...(accuracy ? { accuracy: number(accuracy) } : {}),
        },
      });
      setErrors([]);
      setPage(1);
      positions.reload();
      toggleNotification({
        type: 'success',
        message: text('positions.placed', 'The technician was placed.'),
      });
    } catch (error) {
      const { message, fields } = apiErrors(error);
      setErrors(fields);
      toggleNotification({ type: 'danger', message });
    }
  }

  async function makeSignInLink() {
    try {
      const { data } = await api.issueSignInLink({ params: { documentId: resourceId } });
      setSignInLink(data.url);
    } catch (error) {
      toggleNotification({ type: 'danger', message: apiErrors(error).message });
    }
  }

  const meta = positions.data?.meta;
  const coordinates = [
    ['lat', text('positions.lat', 'Latitude'), '48.8566', lat, setLat],
    ['lng', text('positions.lng', 'Longitude'), '2.3522', lng, setLng],
    ['accuracy', text('positions.accuracy', 'Accuracy (m)'), '', accuracy, setAccuracy],
  ] as const;

  return (
    <PageLayout
      title={text('positions.title', 'Geolocation tracking')}
      subtitle={text(
        'positions.subtitle',
        "Where each technician's app reported them, and positions placed by hand.",
      )}
      error={positions.error}
      controls={
        <ErrorsContext.Provider
          value={Object.fromEntries(errors.map((error) => [error.path, error.message]))}
        >
          <Grid.Root gap={4}>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <SelectField
                name="resourceId"
                label={text('positions.technician', 'Technician')}
                value={resourceId}
                options={[
                  { value: NONE, label: text('positions.choose', 'Choose a technician') },
                  ...(resources.data ?? []).map((resource) => ({
                    value: resource.documentId,
                    label: resource.name,
                  })),
                ]}
                onChange={(value) => {
                  setResourceId(value);
                  setPage(1);
                  setSignInLink(null);
                }}
              />
            </Grid.Item>
            {canPlace && resourceId ? (
              <>
                {coordinates.map(([name, label, placeholder, value, onChange]) => (
                  <Grid.Item key={name} col={2} s={4} direction="column" alignItems="stretch">
                    <TextField
                      name={name}
                      label={label}
                      placeholder={placeholder}
                      value={value}
                      onChange={onChange}
                    />
                  </Grid.Item>
                ))}
                <Grid.Item col={2} s={12} paddingTop={6} alignItems="flex-start">
                  <Button startIcon={<Plus />} onClick={() => void place()}>
                    {text('positions.place', 'Place here')}
                  </Button>
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="flex-start" gap={2}>
                  <Button
                    variant="secondary"
                    startIcon={<LinkIcon />}
                    onClick={() => void makeSignInLink()}
                  >
                    {text('positions.signInLink', 'Sign-in link for the phone')}
                  </Button>
                  {signInLink ? (
                    <Typography>
                      {text(
                        'positions.signInLinkShown',
                        'Send this link to the technician. It works for a week and is shown only once:',
                      )}{' '}
                      <code data-sign-in-link>{signInLink}</code>
                    </Typography>
                  ) : null}
                </Grid.Item>
              </>
            ) : null}
          </Grid.Root>
        </ErrorsContext.Provider>
      }
    >
      {resourceId ? (
        <DataTable
          headers={[
            text('positions.recordedAt', 'Recorded'),
            text('positions.lat', 'Latitude'),
            text('positions.lng', 'Longitude'),
            text('positions.accuracy', 'Accuracy (m)'),
            text('positions.source', 'Source'),
          ]}
          rows={(positions.data?.data ?? []).map((position) => ({
            key: position.documentId,
            cells: [
              formatInstant(position.recordedAt, locale),
              position.lat.toFixed(5),
              position.lng.toFixed(5),
              position.accuracy === null ? '—' : String(position.accuracy),
              <Badge key="source">
                {text(`positions.source.${position.source}`, position.source)}
              </Badge>,
            ],
          }))}
        />
      ) : null}
      {meta && meta.total === 0 ? (
        <Box padding={6}>
          <Typography textColor="neutral600">
            {text('positions.empty', 'No position for this technician yet.')}
          </Typography>
        </Box>
      ) : null}
      {meta && meta.pageCount > 1 ? <Pager meta={meta} onPage={setPage} /> : null}
    </PageLayout>
  );
};
