import { Box, Flex, Grid, Loader, Typography } from '@strapi/design-system';
import * as React from 'react';
import type { PreviewResponse, SnippetList } from '../../../../shared/contracts/admin-pages.ts';
import type { AdminRequest } from '../../../../shared/contracts/admin-routes.ts';
import { type MessageType } from '../../../../shared/contracts/domain.ts';
import { messageTypes } from '../../../../shared/contracts/vocabulary.ts';
import { apiErrors } from '../../utils/api.ts';
import { useEnrouteClient } from '../../utils/client.ts';
import { MessagePreview } from '../MessagePreview.tsx';
import { PortalPreview } from '../PortalPreview.tsx';
import { Cell, Section } from './GeneralTab.tsx';
import {
  ColourField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
  useLabel,
} from './fields.tsx';
import type { TabProps } from './types.ts';

type SnippetProps = {
  snippets: SnippetList | null;
  locale: string;
  onLocale: (locale: string) => void;
  edits: Record<string, string>;
  onEdit: (key: string, value: string) => void;
};

const colours = [
  ['textColor', 'Text colour'],
  ['backgroundColor', 'Background colour'],
  ['foregroundColor', 'Surface colour'],
  ['accentColor', 'Accent colour'],
] as const;

const images = [
  ['logoUrl', 'Logo URL'],
  ['headerImageUrl', 'Header image URL'],
  ['footerImageUrl', 'Footer image URL'],
] as const;

/** Renders the message with the unsaved display settings and snippets, shortly after each edit. */
const LivePreview = ({
  draft,
  locale,
  edits,
}: Pick<TabProps, 'draft'> & { locale: string; edits: Record<string, string> }) => {
  const text = useLabel();
  const api = useEnrouteClient();
  const [type, setType] = React.useState<MessageType>('reminder');
  const [preview, setPreview] = React.useState<PreviewResponse | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const body: AdminRequest<'preview'>['body'] = {
    type,
    locale,
    branding: draft.branding,
    snippets: edits,
  };
  // Asked again when the request changes by value, not on every render.
  const request = JSON.stringify(body);
  const latest = React.useRef(body);
  latest.current = body;

  React.useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api
        .preview({ body: latest.current })
        .then((answer) => {
          if (!current) return;
          setPreview(answer.data);
          setError(null);
        })
        .catch((failure: unknown) => current && setError(apiErrors(failure).message));
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, request]);

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <SelectField
        name="previewType"
        label={text('preview.message', 'Message')}
        value={type}
        options={messageTypes.map((value) => ({ value, label: text(`message.${value}`, value) }))}
        onChange={setType}
      />
      {error ? <Typography textColor="danger600">{error}</Typography> : null}
      {preview ? <MessagePreview preview={preview} /> : <Loader small />}
    </Flex>
  );
};

/** Fonts, colours, images, map tiles and snippets, beside a live preview. */
export const DisplayTab = ({
  draft,
  change,
  snippets,
  locale,
  onLocale,
  edits,
  onEdit,
}: Pick<TabProps, 'draft' | 'change'> & SnippetProps) => {
  const text = useLabel();
  const branding = draft.branding;
  const brand = <Key extends keyof typeof branding>(key: Key, value: (typeof branding)[Key]) =>
    change('branding', { ...branding, [key]: value });

  return (
    <Grid.Root gap={6}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Section title={text('settings.section.branding', 'Fonts and colours')}>
          <Cell size={12}>
            <TextField
              name="branding.fontFamily"
              label={text('settings.fontFamily', 'Font family')}
              value={branding.fontFamily}
              onChange={(value) => brand('fontFamily', value ?? '')}
            />
          </Cell>
          {colours.map(([key, label]) => (
            <Cell key={key}>
              <ColourField
                name={`branding.${key}`}
                label={text(`settings.${key}`, label)}
                value={branding[key]}
                onChange={(value) => brand(key, value)}
              />
            </Cell>
          ))}
          {images.map(([key, label]) => (
            <Cell key={key} size={12}>
              <TextField
                name={`branding.${key}`}
                type="url"
                label={text(`settings.${key}`, label)}
                value={branding[key]}
                onChange={(value) => brand(key, value)}
              />
            </Cell>
          ))}
        </Section>
        <Section title={text('settings.section.map', 'Map tiles')}>
          <Cell size={12}>
            <TextField
              name="mapTileUrl"
              label={text('settings.mapTileUrl', 'Tile URL template')}
              hint="https://tile.example.org/{z}/{x}/{y}.png"
              value={draft.mapTileUrl}
              onChange={(value) => change('mapTileUrl', value ?? '')}
            />
          </Cell>
          <Cell size={12}>
            <TextField
              name="mapAttribution"
              label={text('settings.mapAttribution', 'Map attribution')}
              value={draft.mapAttribution}
              onChange={(value) => change('mapAttribution', value ?? '')}
            />
          </Cell>
          <Cell size={12}>
            <TextField
              name="staticMapUrl"
              type="url"
              label={text('settings.staticMapUrl', "Map image in the 'on the way' email")}
              hint={`${text(
                'settings.staticMapUrl.hint',
                'Empty: the email shows the address and arrival time only.',
              )} https://maps.example.org/static?center={lat},{lng}&marker={destLat},{destLng}&size={width}x{height}`}
              value={draft.staticMapUrl}
              onChange={(value) => change('staticMapUrl', value)}
            />
          </Cell>
          <Cell size={12}>
            <NumberField
              name="smsSegmentLimit"
              label={text('settings.smsSegmentLimit', 'Longest SMS template allowed (segments)')}
              value={draft.smsSegmentLimit}
              onChange={(value) => change('smsSegmentLimit', value)}
            />
          </Cell>
        </Section>
        <Section title={text('settings.section.snippets', 'Snippets')}>
          <Cell size={12}>
            <SelectField
              name="snippetLocale"
              label={text('settings.snippetLocale', 'Language')}
              value={locale}
              options={(snippets?.locales ?? [locale]).map((code) => ({
                value: code,
                label: code,
              }))}
              onChange={onLocale}
            />
          </Cell>
          {snippets ? (
            snippets.snippets.map((snippet) => (
              <Cell key={snippet.key} size={12}>
                <TextAreaField
                  name={`snippets.${snippet.key}`}
                  label={snippet.key}
                  hint={snippet.description ?? undefined}
                  value={edits[snippet.key] ?? snippet.value}
                  onChange={(value) => onEdit(snippet.key, value)}
                />
              </Cell>
            ))
          ) : (
            <Cell size={12}>
              <Loader small />
            </Cell>
          )}
        </Section>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Box position="sticky" top={0}>
          <Typography variant="delta" tag="h2">
            {text('settings.section.preview', 'Live preview')}
          </Typography>
          <Box paddingTop={4}>
            <LivePreview draft={draft} locale={locale} edits={edits} />
          </Box>
          <Box paddingTop={6}>
            <Typography variant="delta" tag="h2">
              {text('portalPreview.title', 'Customer page')}
            </Typography>
            <Box paddingTop={4}>
              <PortalPreview locale={locale} branding={draft.branding} snippets={edits} />
            </Box>
          </Box>
        </Box>
      </Grid.Item>
    </Grid.Root>
  );
};
