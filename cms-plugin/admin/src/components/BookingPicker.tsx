import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useLoad } from '../utils/api.ts';
import { useEnrouteClient } from '../utils/client.ts';
import { formatInstant } from '../utils/format.ts';
import { getTranslation } from '../utils/translations.ts';

type Props = {
  value: string | null;
  onChange: (documentId: string | null) => void;
  hint?: string;
};

/** Chooses a booking by work order number or account name. */
export const BookingPicker = ({ value, onChange, hint }: Props) => {
  const { formatMessage, locale } = useIntl();
  const api = useEnrouteClient();
  const [typed, setTyped] = React.useState('');
  const [search, setSearch] = React.useState('');
  // Ask the server once typing pauses, not on every key.
  React.useEffect(() => {
    const timer = setTimeout(() => setSearch(typed), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const options = useLoad(`bookings:${search}`, () =>
    api.lookupBookings({ query: { search } }).then((body) => body.data),
  );
  const label = formatMessage({ id: getTranslation('booking.label'), defaultMessage: 'Booking' });

  return (
    <Field.Root name="booking" hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Combobox
        value={value ?? undefined}
        loading={options.loading}
        placeholder={formatMessage({
          id: getTranslation('booking.placeholder'),
          defaultMessage: 'Work order number or account',
        })}
        onInputChange={(event) => setTyped(event.currentTarget.value)}
        onChange={(next) => onChange(next ?? null)}
        onClear={() => onChange(null)}
        noOptionsMessage={() =>
          formatMessage({ id: getTranslation('booking.none'), defaultMessage: 'No booking found' })
        }
      >
        {(options.data ?? []).map((option) => (
          <ComboboxOption key={option.documentId} value={option.documentId}>
            {`${option.label} — ${formatInstant(option.start, locale)} (${option.status})`}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Hint />
    </Field.Root>
  );
};
