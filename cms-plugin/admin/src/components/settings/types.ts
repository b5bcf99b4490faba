import type { SettingsView, WebhookEndpointInput } from '../../../../shared/contracts/settings.ts';

/** The settings as the page edits them; secrets are typed in, never shown. */
export type SettingsDraft = Omit<
  SettingsView,
  'webhookSecretSet' | 'etaProviderKeySet' | 'webhookUrl' | 'webhooks'
> & {
  webhooks: WebhookEndpointInput[];
  webhookSecret: string | null;
  etaProviderKey: string | null;
};

export type TabProps = {
  draft: SettingsDraft;
  view: SettingsView;
  change: <Key extends keyof SettingsDraft>(key: Key, value: SettingsDraft[Key]) => void;
};
