import { Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Alert, Box, Button, Tabs } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';
import type { AdminFieldError } from '../../../shared/contracts/admin-pages.ts';
import type { SettingsView } from '../../../shared/contracts/settings.ts';
import { PageLayout } from '../components/PageLayout.tsx';
import { DisplayTab } from '../components/settings/DisplayTab.tsx';
import { GeneralTab } from '../components/settings/GeneralTab.tsx';
import { TrackingTab } from '../components/settings/TrackingTab.tsx';
import { ErrorsContext, type FieldErrors } from '../components/settings/fields.tsx';
import type { SettingsDraft } from '../components/settings/types.ts';
import { PERMISSIONS } from '../permissions.ts';
import { apiErrors, useLoad } from '../utils/api.ts';
import { useEnrouteClient } from '../utils/client.ts';
import { getTranslation } from '../utils/translations.ts';

function draftOf(view: SettingsView): SettingsDraft {
  const draft: SettingsDraft & Partial<SettingsView> = {
    ...view,
    webhookSecret: null,
    etaProviderKey: null,
  };
  delete draft.webhookSecretSet;
  delete draft.etaProviderKeySet;
  delete draft.webhookUrl;
  return draft;
}

/** What is sent: the fields, a secret only when one was typed, the snippet edits of one locale. */
function saveBody(draft: SettingsDraft, locale: string, edits: Record<string, string>) {
  const { webhookSecret, etaProviderKey, ...fields } = draft;
  return {
    ...fields,
    ...(webhookSecret ? { webhookSecret } : {}),
    ...(etaProviderKey ? { etaProviderKey } : {}),
    ...(Object.keys(edits).length > 0 ? { snippets: { locale, values: edits } } : {}),
  };
}

const byPath = (errors: AdminFieldError[]): FieldErrors =>
  Object.fromEntries(errors.map((error) => [error.path, error.message]));

/** The three tabs of the reference product's settings, saved together. */
export const SettingsPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useEnrouteClient();
  const {
    allowedActions: { canUpdate },
  } = useRBAC(PERMISSIONS.updateSettings);
  const loaded = useLoad('settings', () => api.getSettings().then((body) => body.data));
  const [view, setView] = React.useState<SettingsView | null>(null);
  const [draft, setDraft] = React.useState<SettingsDraft | null>(null);
  const [locale, setLocale] = React.useState('en');
  const [edits, setEdits] = React.useState<Record<string, string>>({});
  const [errors, setErrors] = React.useState<AdminFieldError[]>([]);
  const [saving, setSaving] = React.useState(false);
  const snippets = useLoad(`snippets:${locale}`, () =>
    api.getSnippets({ query: { locale } }).then((body) => body.data),
  );

  React.useEffect(() => {
    if (!loaded.data) return;
    setView(loaded.data);
    setDraft(draftOf(loaded.data));
  }, [loaded.data]);

  const text = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });

  if (loaded.error) return <Page.Error />;
  if (!draft || !view) return <Page.Loading />;

  const change = <Key extends keyof SettingsDraft>(key: Key, value: SettingsDraft[Key]) =>
    setDraft((current) => (current ? { ...current, [key]: value } : current));

  async function save() {
    if (!draft) return;
    setSaving(true);
    try {
      const body = await api.updateSettings({ body: saveBody(draft, locale, edits) });
      setView(body.data);
      setDraft(draftOf(body.data));
      setEdits({});
      setErrors([]);
      snippets.reload();
      toggleNotification({ type: 'success', message: text('settings.saved', 'Settings saved.') });
    } catch (error) {
      const { message, fields } = apiErrors(error);
      setErrors(fields);
      toggleNotification({
        type: 'danger',
        message: formatMessage(
          {
            id: getTranslation('settings.notSaved'),
            defaultMessage:
              'The settings were not saved: {count, plural, one {# problem} other {# problems}}.',
          },
          { count: fields.length || 1 },
        ),
      });
      if (fields.length === 0) setErrors([{ path: '(body)', message }]);
    } finally {
      setSaving(false);
    }
  }

  const changeLocale = (next: string) => {
    setLocale(next);
    setEdits({});
  };

  return (
    <PageLayout
      title={text('settings.title', 'Enroute settings')}
      subtitle={text(
        'settings.subtitle',
        'Messages, the customer page and how they look. Saved together, checked before anything changes.',
      )}
      primaryAction={
        <Button
          startIcon={<Check />}
          loading={saving}
          disabled={!canUpdate}
          onClick={() => void save()}
        >
          {text('settings.save', 'Save')}
        </Button>
      }
    >
      {errors.length > 0 ? (
        <Box paddingBottom={4}>
          <Alert
            variant="danger"
            closeLabel={text('close', 'Close')}
            title={text('settings.errors', 'Please correct these fields:')}
            onClose={() => setErrors([])}
          >
            <ul data-testid="settings-errors">
              {errors.map((error) => (
                <li key={`${error.path}:${error.message}`}>
                  <code>{error.path}</code>: {error.message}
                </li>
              ))}
            </ul>
          </Alert>
        </Box>
      ) : null}
      <ErrorsContext.Provider value={byPath(errors)}>
        <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
          <Tabs.Root defaultValue="general">
            <Tabs.List aria-label={text('settings.tabs', 'Settings sections')}>
              <Tabs.Trigger value="general">
                {text('settings.tab.general', 'General and notifications')}
              </Tabs.Trigger>
              <Tabs.Trigger value="display">{text('settings.tab.display', 'Display')}</Tabs.Trigger>
              <Tabs.Trigger value="tracking">
                {text('settings.tab.tracking', 'Track my technician')}
              </Tabs.Trigger>
            </Tabs.List>
            <Box paddingTop={6}>
              <Tabs.Content value="general">
                <GeneralTab draft={draft} view={view} change={change} />
              </Tabs.Content>
              <Tabs.Content value="display">
                <DisplayTab
                  draft={draft}
                  change={change}
                  snippets={snippets.data}
                  locale={locale}
                  onLocale={changeLocale}
                  edits={edits}
                  onEdit={(key, value) => setEdits((current) => ({ ...current, [key]: value }))}
                />
              </Tabs.Content>
              <Tabs.Content value="tracking">
                <TrackingTab draft={draft} view={view} change={change} />
              </Tabs.Content>
            </Box>
          </Tabs.Root>
        </Box>
      </ErrorsContext.Provider>
    </PageLayout>
  );
};
