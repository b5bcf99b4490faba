import * as React from 'react';
import type { OfferedWindow } from '../../../../shared/contracts/customer-actions.ts';
import { Cell, Section } from './GeneralTab.tsx';
import { NumberField, TextField, useLabel } from './fields.tsx';
import type { TabProps } from './types.ts';

const written = (windows: OfferedWindow[]) =>
  windows.map((window) => `${window.start}-${window.end}`).join(', ');

/** `08:00-12:00, 13:00-17:00` → the windows it names; anything else is left out. */
function parsed(value: string): OfferedWindow[] {
  return [...value.matchAll(/(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})/g)].map((match) => ({
    start: match[1] ?? '',
    end: match[2] ?? '',
  }));
}

/** What customers may answer from their page: the windows they may ask for, the cancel cut-off. */
export const CustomerAnswersSection = ({ draft, change }: Pick<TabProps, 'draft' | 'change'>) => {
  const text = useLabel();
  const current = draft.customerActions;
  const [windows, setWindows] = React.useState(written(current.windows));
  const set = (next: Partial<typeof current>) => change('customerActions', { ...current, ...next });
  return (
    <Section title={text('settings.section.customerActions', 'Customer answers')}>
      <Cell size={6}>
        <TextField
          name="customerActions.windows"
          label={text('settings.customerActions.windows', 'Time windows offered each day')}
          hint={text(
            'settings.customerActions.windows.hint',
            "In each account's time zone, e.g. 08:00-12:00, 13:00-17:00",
          )}
          value={windows}
          onChange={(value) => {
            setWindows(value ?? '');
            set({ windows: parsed(value ?? '') });
          }}
        />
      </Cell>
      <Cell size={3}>
        <NumberField
          name="customerActions.daysAhead"
          label={text('settings.customerActions.daysAhead', 'Offered for (days ahead)')}
          value={current.daysAhead}
          onChange={(value) => set({ daysAhead: value })}
        />
      </Cell>
      <Cell size={3}>
        <NumberField
          name="customerActions.cancelCutoffHours"
          label={text(
            'settings.customerActions.cancelCutoffHours',
            'Customers may cancel until (hours before)',
          )}
          value={current.cancelCutoffHours}
          onChange={(value) => set({ cancelCutoffHours: value })}
        />
      </Cell>
    </Section>
  );
};
