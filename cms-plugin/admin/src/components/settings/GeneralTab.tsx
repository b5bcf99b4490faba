import { Box, Grid, Typography } from '@strapi/design-system';
import { type MessageType } from '../../../../shared/contracts/domain.ts';
import { messageTypes } from '../../../../shared/contracts/vocabulary.ts';
import type { AdminRequest } from '../../../../shared/contracts/admin-routes.ts';
import { useLoad } from '../../utils/api.ts';
import { useEnrouteClient } from '../../utils/client.ts';
import {
  ListField,
  MultiRecordField,
  NumberField,
  SelectField,
  TextField,
  ToggleField,
  useLabel,
} from './fields.tsx';
import { OutboxPanel } from './OutboxPanel.tsx';
import { ReminderTiming } from './ReminderTiming.tsx';
import { WebhookEndpoints } from './WebhookEndpoints.tsx';
import type { TabProps } from './types.ts';

const NONE = '';

const messageLabels: Record<MessageType, string> = {
  reminder: 'Reminder',
  traveling: 'Technician on the way',
  completed: 'Work completed',
  rescheduled: 'Booking rescheduled',
  canceled: 'Booking canceled',
  'request-declined': 'Request to move declined',
};

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box paddingBottom={6}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Grid.Root gap={4} paddingTop={4}>
      {children}
    </Grid.Root>
  </Box>
);

const Cell = ({ children, size = 6 }: { children: React.ReactNode; size?: number }) => (
  <Grid.Item col={size} s={12} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);

type LookupKind = AdminRequest<'lookupNamed'>['params']['kind'];

/** Messages, channel, recipients, exclusions, survey, reminders, sandbox and the n8n webhook. */
export const GeneralTab = ({ draft, view, change }: TabProps) => {
  const text = useLabel();
  const api = useEnrouteClient();
  const named = (kind: LookupKind) => () =>
    api.lookupNamed({ params: { kind }, query: {} }).then((body) => body.data);
  const contacts = useLoad('contacts', named('contacts'));
  const accounts = useLoad('accounts', named('accounts'));
  const serviceTypes = useLoad('service-types', named('service-types'));
  return (
    <>
      <Section title={text('settings.section.messages', 'Messages')}>
        {messageTypes.map((type) => (
          <Cell key={type} size={4}>
            <ToggleField
              name={`messages.${type}`}
              label={text(`message.${type}`, messageLabels[type])}
              value={draft.messages[type] ?? false}
              onChange={(on) => change('messages', { ...draft.messages, [type]: on })}
            />
          </Cell>
        ))}
        <Cell>
          <SelectField
            name="channel"
            label={text('settings.channel', 'Channel')}
            value={draft.channel}
            options={[
              { value: 'both', label: text('channel.both', 'Email and SMS') },
              { value: 'email', label: text('channel.email', 'Email') },
              { value: 'sms', label: text('channel.sms', 'SMS') },
            ]}
            onChange={(value) => change('channel', value)}
          />
        </Cell>
        <Cell>
          <SelectField
            name="fallbackContactId"
            label={text('settings.fallbackContactId', 'Fallback recipient')}
            hint={text(
              'settings.fallbackContactId.hint',
              "Gets the messages when a work order has no reporter. Empty: the account's primary contact.",
            )}
            value={draft.fallbackContactId ?? NONE}
            options={[
              {
                value: NONE,
                label: text('settings.primaryContact', "The account's primary contact"),
              },
              ...(contacts.data ?? []).map((contact) => ({
                value: contact.documentId,
                label: contact.name,
              })),
            ]}
            onChange={(value) => change('fallbackContactId', value === NONE ? null : value)}
          />
        </Cell>
        <Cell>
          <MultiRecordField
            name="excludedAccountIds"
            label={text('settings.excludedAccountIds', 'Excluded service accounts')}
            hint={text('settings.excluded.hint', 'They get no message at all.')}
            value={draft.excludedAccountIds}
            options={accounts.data ?? []}
            onChange={(value) => change('excludedAccountIds', value)}
          />
        </Cell>
        <Cell>
          <MultiRecordField
            name="excludedServiceTypeIds"
            label={text('settings.excludedServiceTypeIds', 'Excluded service types')}
            hint={text('settings.excluded.hint', 'They get no message at all.')}
            value={draft.excludedServiceTypeIds}
            options={serviceTypes.data ?? []}
            onChange={(value) => change('excludedServiceTypeIds', value)}
          />
        </Cell>
      </Section>

      <Section title={text('settings.section.reminders', 'Reminders and reschedules')}>
        <Cell size={3}>
          <NumberField
            name="reminderWindowDays"
            label={text('settings.reminderWindowDays', 'Reminder window (days)')}
            value={draft.reminderWindowDays}
            onChange={(value) => change('reminderWindowDays', value)}
          />
        </Cell>
        <Cell size={3}>
          <TextField
            name="reminderSendTime"
            type="time"
            label={text('settings.reminderSendTime', 'Send time')}
            value={draft.reminderSendTime}
            onChange={(value) => change('reminderSendTime', value ?? '')}
          />
        </Cell>
        <Cell size={3}>
          <SelectField
            name="reminderSendTimeZone"
            label={text('settings.reminderSendTimeZone', 'Send time in')}
            value={draft.reminderSendTimeZone}
            options={[
              { value: 'utc', label: text('timeZone.utc', 'UTC') },
              { value: 'account', label: text('timeZone.account', "The account's time zone") },
            ]}
            onChange={(value) => change('reminderSendTimeZone', value)}
          />
        </Cell>
        <ReminderTiming draft={draft} change={change} />
        <Cell size={3}>
          <NumberField
            name="rescheduleThresholdMinutes"
            label={text('settings.rescheduleThresholdMinutes', 'Reschedule threshold (minutes)')}
            value={draft.rescheduleThresholdMinutes}
            onChange={(value) => change('rescheduleThresholdMinutes', value)}
          />
        </Cell>
        <Cell size={3}>
          <NumberField
            name="accessCodeValidityDays"
            label={text('settings.accessCodeValidityDays', 'Link valid after the booking (days)')}
            value={draft.accessCodeValidityDays}
            onChange={(value) => change('accessCodeValidityDays', value)}
          />
        </Cell>
      </Section>

      <Section title={text('settings.section.survey', 'Survey')}>
        <Cell>
          <TextField
            name="surveyUrl"
            type="url"
            label={text('settings.surveyUrl', 'Survey embed URL')}
            hint={text(
              'settings.surveyUrl.hint',
              'Shown in the portal once the work is completed.',
            )}
            value={draft.surveyUrl}
            onChange={(value) => change('surveyUrl', value)}
          />
        </Cell>
        <Cell>
          <ListField
            name="surveyAllowedHosts"
            label={text('settings.surveyAllowedHosts', 'Allowed survey hosts')}
            hint={text('settings.surveyAllowedHosts.hint', 'Host names, separated by commas.')}
            value={draft.surveyAllowedHosts}
            onChange={(value) => change('surveyAllowedHosts', value)}
          />
        </Cell>
      </Section>

      <Section title={text('settings.section.sandbox', 'Sandbox')}>
        <Cell size={4}>
          <ToggleField
            name="sandboxEnabled"
            label={text('settings.sandboxEnabled', 'Send every message to the test recipients')}
            value={draft.sandboxEnabled}
            onChange={(value) => change('sandboxEnabled', value)}
          />
        </Cell>
        <Cell size={4}>
          <TextField
            name="sandboxEmail"
            type="email"
            label={text('settings.sandboxEmail', 'Test email address')}
            value={draft.sandboxEmail}
            onChange={(value) => change('sandboxEmail', value)}
          />
        </Cell>
        <Cell size={4}>
          <TextField
            name="sandboxPhone"
            label={text('settings.sandboxPhone', 'Test mobile number')}
            placeholder="+33 6 12 34 56 78"
            value={draft.sandboxPhone}
            onChange={(value) => change('sandboxPhone', value)}
          />
        </Cell>
        <Cell size={4}>
          <TextField
            name="repliesEmail"
            type="email"
            label={text('settings.repliesEmail', "Forward customers' text replies to")}
            hint={text(
              'settings.repliesEmail.hint',
              'The office address the inbound SMS flow writes to; STOP, START and HELP are answered without it.',
            )}
            value={draft.repliesEmail}
            onChange={(value) => change('repliesEmail', value)}
          />
        </Cell>
        <Cell size={4}>
          <TextField
            name="operationsEmail"
            type="email"
            label={text('settings.operationsEmail', 'Tell of delivery problems')}
            hint={text(
              'settings.operationsEmail.hint',
              'The operations address the delivery problems flow writes to; not the office.',
            )}
            value={draft.operationsEmail}
            onChange={(value) => change('operationsEmail', value)}
          />
        </Cell>
        <Cell size={4}>
          <NumberField
            name="deliveryAlertThreshold"
            label={text('settings.deliveryAlertThreshold', 'Problems before an alert')}
            hint={text(
              'settings.deliveryAlertThreshold.hint',
              'Messages failed or expired and booking events dead, counted together',
            )}
            value={draft.deliveryAlertThreshold}
            onChange={(value) => change('deliveryAlertThreshold', value)}
          />
        </Cell>
        <Cell size={4}>
          <NumberField
            name="deliveryAlertWindowMinutes"
            label={text('settings.deliveryAlertWindowMinutes', 'Counted over (minutes)')}
            value={draft.deliveryAlertWindowMinutes}
            onChange={(value) => change('deliveryAlertWindowMinutes', value)}
          />
        </Cell>
      </Section>

      <Section title={text('settings.section.integration', 'n8n and the portal')}>
        <Cell size={12}>
          <WebhookEndpoints
            value={draft.webhooks}
            onChange={(value) => change('webhooks', value)}
          />
        </Cell>
        <Cell>
          <TextField
            name="webhookSecret"
            type="password"
            label={text('settings.webhookSecret', 'Signing secret')}
            hint={
              view.webhookSecretSet
                ? text('settings.secret.set', 'A secret is set; type a new one to replace it.')
                : text('settings.secret.unset', 'At least 16 characters.')
            }
            value={draft.webhookSecret}
            onChange={(value) => change('webhookSecret', value)}
          />
        </Cell>
        <Cell size={12}>
          <OutboxPanel />
        </Cell>
        <Cell>
          <TextField
            name="portalBaseUrl"
            type="url"
            label={text('settings.portalBaseUrl', 'Portal address')}
            value={draft.portalBaseUrl}
            onChange={(value) => change('portalBaseUrl', value ?? '')}
          />
        </Cell>
        <Cell>
          <ListField
            name="portalFrameAncestors"
            label={text('settings.portalFrameAncestors', 'Sites that may embed the portal')}
            hint={text(
              'settings.portalFrameAncestors.hint',
              'Origins such as https://www.example.com, separated by commas; none forbids embedding.',
            )}
            value={draft.portalFrameAncestors}
            onChange={(value) => change('portalFrameAncestors', value)}
          />
        </Cell>
        <Cell>
          <TextField
            name="defaultLocale"
            label={text('settings.defaultLocale', 'Default language')}
            value={draft.defaultLocale}
            onChange={(value) => change('defaultLocale', value ?? '')}
          />
        </Cell>
      </Section>
    </>
  );
};

export { Cell, Section };
