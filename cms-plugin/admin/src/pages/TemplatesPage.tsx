import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  Table,
  Tbody,
  Td,
  Textarea,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Check, Eye } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';
import type { PreviewResponse } from '../../../shared/contracts/admin-pages.ts';
import type { MessageType } from '../../../shared/contracts/domain.ts';
import type {
  TemplatePage,
  TemplatePart,
  TemplateParts,
  TemplateSaved,
} from '../../../shared/contracts/message-templates.ts';
import { MessagePreview } from '../components/MessagePreview.tsx';
import { PageLayout } from '../components/PageLayout.tsx';
import { LocaleField, MessageTypeField } from '../components/MessageFields.tsx';
import { useLabel } from '../components/settings/fields.tsx';
import { apiErrors, useLoad } from '../utils/api.ts';
import { useEnrouteClient } from '../utils/client.ts';
import { formatInstant } from '../utils/format.ts';

const PARTS: { part: TemplatePart; label: string; rows: number }[] = [
  { part: 'subject', label: 'Email subject', rows: 2 },
  { part: 'email', label: 'Email (MJML)', rows: 18 },
  { part: 'text', label: 'Email, plain text', rows: 10 },
  { part: 'sms', label: 'SMS', rows: 3 },
];

const EMPTY: TemplateParts = { subject: null, email: null, text: null, sms: null };

/** The draft a page starts from: this locale's newest version, or nothing of its own. */
function draftOf(page: TemplatePage | null): TemplateParts {
  if (!page?.current) return EMPTY;
  const { subject, email, text, sms } = page.current;
  return { subject, email, text, sms };
}

/** One part: the marketer's edit, and beside it what a message uses without one. */
const PartEditor = ({
  part,
  label,
  rows,
  value,
  fallback,
  error,
  disabled,
  onChange,
}: {
  part: TemplatePart;
  label: string;
  rows: number;
  value: string | null;
  fallback: { source: string; value: string };
  error: string | undefined;
  /** While another message or language loads: an edit now would be lost. */
  disabled: boolean;
  onChange: (value: string | null) => void;
}) => {
  const text = useLabel();
  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name={`template.${part}`}
          error={error}
          hint={text('templates.emptyHint', 'Empty: the template beside is used.')}
        >
          <Field.Label>{label}</Field.Label>
          <Textarea
            rows={rows}
            disabled={disabled}
            value={value ?? ''}
            style={{ fontFamily: 'monospace' }}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
              onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)
            }
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Typography variant="pi" fontWeight="bold" textColor="neutral600">
          {fallback.source === 'enroute'
            ? text('templates.enrouteDefault', "Enroute's default")
            : text('templates.defaultLocale', "The default language's template")}
        </Typography>
        <Box
          marginTop={1}
          padding={2}
          hasRadius
          background="neutral100"
          style={{ maxHeight: rows * 22 + 16, overflow: 'auto' }}
        >
          <Typography
            tag="pre"
            variant="pi"
            data-testid={`default-${part}`}
            style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace' }}
          >
            {fallback.value}
          </Typography>
        </Box>
      </Grid.Item>
    </Grid.Root>
  );
};

/**
 * Whole message templates: choose a message and a language, edit each part beside what is used
 * without it, preview the draft, save it (refused with each problem's line and column), and
 * restore an earlier version.
 */
export const TemplatesPage = () => {
  const text = useLabel();
  const intl = useIntl();
  const api = useEnrouteClient();
  const [type, setType] = React.useState<MessageType>('reminder');
  const [locale, setLocale] = React.useState('en');
  const [draft, setDraft] = React.useState<TemplateParts>(EMPTY);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [notice, setNotice] = React.useState<TemplateSaved | null>(null);
  const [preview, setPreview] = React.useState<PreviewResponse | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<'save' | 'preview' | number | null>(null);
  const page = useLoad(`${type}|${locale}`, () =>
    api.getTemplate({ query: { type, locale } }).then((body) => body.data),
  );

  React.useEffect(() => {
    setDraft(draftOf(page.data));
    setErrors({});
    setPreview(null);
  }, [page.data]);

  async function run(kind: 'save' | 'preview' | number, action: () => Promise<void>) {
    setBusy(kind);
    try {
      await action();
      setError(null);
    } catch (failure) {
      const refused = apiErrors(failure);
      setErrors(Object.fromEntries(refused.fields.map((field) => [field.path, field.message])));
      setError(refused.message);
    } finally {
      setBusy(null);
    }
  }

  const showPreview = () =>
    run('preview', async () => {
      const body = await api.preview({ body: { type, locale, template: draft } });
      setPreview(body.data);
    });
  const save = () =>
    run('save', async () => {
      const body = await api.saveTemplate({ body: { type, locale, parts: draft } });
      setErrors({});
      setNotice(body.data);
      page.reload();
    });
  const restore = (version: number) =>
    run(version, async () => {
      const body = await api.restoreTemplate({ body: { type, locale, version } });
      setErrors({});
      setNotice(body.data);
      page.reload();
    });

  const data = page.data;
  return (
    <PageLayout
      title={text('templates.title', 'Message templates')}
      subtitle={text(
        'templates.subtitle',
        "Whole messages per language. A part left empty uses the default language's, then Enroute's.",
      )}
      error={error ?? page.error}
      primaryAction={
        <Button startIcon={<Check />} loading={busy === 'save'} onClick={() => void save()}>
          {text('templates.save', 'Save')}
        </Button>
      }
      controls={
        <Grid.Root gap={4}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <MessageTypeField value={type} onChange={setType} />
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <LocaleField locales={data?.locales ?? ['en']} value={locale} onChange={setLocale} />
          </Grid.Item>
          <Grid.Item col={5} s={12} paddingTop={6} alignItems="flex-start">
            <Button
              variant="secondary"
              startIcon={<Eye />}
              loading={busy === 'preview'}
              onClick={() => void showPreview()}
            >
              {text('templates.preview', 'Preview the draft')}
            </Button>
          </Grid.Item>
        </Grid.Root>
      }
    >
      {notice ? (
        <Box paddingBottom={4} data-testid="template-saved">
          <Typography textColor="success600">
            {`${text('templates.saved', 'Saved as version')} ${notice.version.version}`}
            {notice.sms ? ` · SMS: ${notice.sms.segments} (${notice.sms.encoding})` : ''}
          </Typography>
          {notice.warnings.map((warning) => (
            <Typography key={warning.path} tag="p" textColor="warning600">
              {`${warning.path}: ${warning.message}`}
            </Typography>
          ))}
        </Box>
      ) : null}
      {data ? (
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box
            background="neutral0"
            hasRadius
            shadow="filterShadow"
            padding={6}
            data-testid="template-editor"
            data-locale={page.loading ? undefined : data.locale}
          >
            <Flex direction="column" alignItems="stretch" gap={6}>
              {PARTS.map(({ part, label, rows }) => (
                <PartEditor
                  key={part}
                  part={part}
                  label={text(`templates.part.${part}`, label)}
                  rows={rows}
                  value={draft[part]}
                  fallback={
                    data.effective[part].source === 'locale'
                      ? { source: 'enroute', value: data.defaults[part] }
                      : data.effective[part]
                  }
                  error={errors[`template.${part}`]}
                  disabled={page.loading}
                  onChange={(value) => setDraft((current) => ({ ...current, [part]: value }))}
                />
              ))}
            </Flex>
          </Box>
          {preview ? (
            <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
              <MessagePreview preview={preview} />
            </Box>
          ) : null}
          <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
            <Typography variant="delta" tag="h2">
              {text('templates.versions', 'Versions')}
            </Typography>
            {data.versions.length === 0 ? (
              <Box paddingTop={2}>
                <Typography textColor="neutral600">
                  {text('templates.noVersions', 'No template of its own yet in this language.')}
                </Typography>
              </Box>
            ) : (
              <Table colCount={4} rowCount={data.versions.length + 1}>
                <Thead>
                  <Tr>
                    <Th>{text('templates.version', 'Version')}</Th>
                    <Th>{text('templates.savedBy', 'Saved by')}</Th>
                    <Th>{text('templates.savedAt', 'Saved at')}</Th>
                    <Th>{text('templates.action', 'Action')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {data.versions.map((version) => (
                    <Tr key={version.version}>
                      <Td>
                        <Flex gap={2}>
                          <Typography>{version.version}</Typography>
                          {version.version === data.current?.version ? (
                            <Badge>{text('templates.current', 'In use')}</Badge>
                          ) : null}
                          {version.restoredFrom ? (
                            <Typography textColor="neutral600">
                              {`${text('templates.restoredFrom', 'restores')} ${version.restoredFrom}`}
                            </Typography>
                          ) : null}
                        </Flex>
                      </Td>
                      <Td>
                        <Typography>{version.savedBy}</Typography>
                      </Td>
                      <Td>
                        <Typography>{formatInstant(version.savedAt, intl.locale)}</Typography>
                      </Td>
                      <Td>
                        {version.version === data.current?.version ? null : (
                          <Button
                            size="S"
                            variant="tertiary"
                            startIcon={<ArrowClockwise />}
                            loading={busy === version.version}
                            onClick={() => void restore(version.version)}
                          >
                            {`${text('templates.restore', 'Restore version')} ${version.version}`}
                          </Button>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Box>
        </Flex>
      ) : null}
    </PageLayout>
  );
};
