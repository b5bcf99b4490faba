import { CustomerAnswersSection } from './CustomerAnswersSection.tsx';
import { Cell, Section } from './GeneralTab.tsx';
import { NumberField, SelectField, TextField, ToggleField, useLabel } from './fields.tsx';
import type { SettingsDraft, TabProps } from './types.ts';

const toggles = [
  ['showMap', 'Show the map'],
  ['showTechnicianName', "Show the technician's name"],
  ['showTechnicianPhoto', "Show the technician's photo"],
  ['showTechnicianPhone', "Show the technician's phone"],
] as const;

/** What the customer's page shows, and how arrival times are estimated. */
export const TrackingTab = ({ draft, view, change }: TabProps) => {
  const text = useLabel();
  return (
    <>
      <Section title={text('settings.section.portal', 'Customer page')}>
        {toggles.map(([key, label]) => (
          <Cell key={key}>
            <ToggleField
              name={key}
              label={text(`settings.${key}`, label)}
              value={draft[key]}
              onChange={(value) => change(key, value)}
            />
          </Cell>
        ))}
        <Cell>
          <NumberField
            name="positionStaleSeconds"
            label={text('settings.positionStaleSeconds', 'Hide a position older than (seconds)')}
            value={draft.positionStaleSeconds}
            onChange={(value) => change('positionStaleSeconds', value)}
          />
        </Cell>
      </Section>
      <Section title={text('settings.section.eta', 'Arrival time')}>
        <Cell size={4}>
          <SelectField<SettingsDraft['etaProvider']>
            name="etaProvider"
            label={text('settings.etaProvider', 'Estimator')}
            value={draft.etaProvider}
            options={[
              { value: 'builtin', label: text('eta.builtin', 'Built in (no network)') },
              { value: 'osrm', label: 'OSRM' },
              { value: 'valhalla', label: 'Valhalla' },
              { value: 'azure-maps', label: 'Azure Maps' },
            ]}
            onChange={(value) => change('etaProvider', value)}
          />
        </Cell>
        <Cell size={4}>
          <TextField
            name="etaProviderUrl"
            type="url"
            label={text('settings.etaProviderUrl', 'Estimator URL')}
            value={draft.etaProviderUrl}
            onChange={(value) => change('etaProviderUrl', value)}
          />
        </Cell>
        <Cell size={4}>
          <TextField
            name="etaProviderKey"
            type="password"
            label={text('settings.etaProviderKey', 'Estimator key')}
            hint={
              view.etaProviderKeySet
                ? text('settings.secret.set', 'A secret is set; type a new one to replace it.')
                : undefined
            }
            value={draft.etaProviderKey}
            onChange={(value) => change('etaProviderKey', value)}
          />
        </Cell>
        <Cell size={4}>
          <NumberField
            name="locationRetentionDays"
            label={text('settings.locationRetentionDays', 'Keep positions for (days)')}
            value={draft.locationRetentionDays}
            onChange={(value) => change('locationRetentionDays', value)}
          />
        </Cell>
      </Section>
      <CustomerAnswersSection draft={draft} change={change} />
    </>
  );
};
