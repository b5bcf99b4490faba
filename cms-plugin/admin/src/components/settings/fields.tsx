import {
  Field,
  MultiSelect,
  MultiSelectOption,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Toggle,
} from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/translations.ts';

/** Server-side messages by field path (`branding.accentColor`, `snippets.reminder.intro`). */
export type FieldErrors = Record<string, string>;

export const ErrorsContext = React.createContext<FieldErrors>({});

/** The message for a field, or for any part of it (`surveyAllowedHosts.2`). */
function useFieldError(name: string): string | undefined {
  const errors = React.useContext(ErrorsContext);
  if (errors[name]) return errors[name];
  const nested = Object.keys(errors).find((path) => path.startsWith(`${name}.`));
  return nested ? errors[nested] : undefined;
}

type Base = { name: string; label: string; hint?: string };

/** A label from the plugin's strings: `settings.<name>`. */
export function useLabel() {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });
}

export const TextField = ({
  name,
  label,
  hint,
  value,
  onChange,
  type = 'text',
  placeholder,
}: Base & {
  value: string | null;
  onChange: (value: string | null) => void;
  type?: 'text' | 'password' | 'email' | 'url' | 'time' | 'date';
  placeholder?: string;
}) => (
  <Field.Root name={name} hint={hint} error={useFieldError(name)}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      type={type}
      value={value ?? ''}
      placeholder={placeholder}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
        onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)
      }
    />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

export const TextAreaField = ({
  name,
  label,
  hint,
  value,
  onChange,
}: Base & { value: string; onChange: (value: string) => void }) => (
  <Field.Root name={name} hint={hint} error={useFieldError(name)}>
    <Field.Label>{label}</Field.Label>
    <Textarea
      value={value}
      onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
        onChange(event.currentTarget.value)
      }
    />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

/** A list of short values typed as one line, separated by commas. */
export const ListField = ({
  name,
  label,
  hint,
  value,
  onChange,
}: Base & { value: string[]; onChange: (value: string[]) => void }) => {
  const [text, setText] = React.useState(value.join(', '));
  React.useEffect(() => setText(value.join(', ')), [value]);
  return (
    <Field.Root name={name} hint={hint} error={useFieldError(name)}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        value={text}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
          setText(event.currentTarget.value)
        }
        onBlur={() =>
          onChange(
            text
              .split(',')
              .map((item) => item.trim())
              .filter(Boolean),
          )
        }
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

export const NumberField = ({
  name,
  label,
  hint,
  value,
  onChange,
}: Base & { value: number; onChange: (value: number) => void }) => (
  <Field.Root name={name} hint={hint} error={useFieldError(name)}>
    <Field.Label>{label}</Field.Label>
    <NumberInput value={value} onValueChange={(next: number | undefined) => onChange(next ?? 0)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

export const ToggleField = ({
  name,
  label,
  hint,
  value,
  onChange,
}: Base & { value: boolean; onChange: (value: boolean) => void }) => {
  const text = useLabel();
  return (
    <Field.Root name={name} hint={hint} error={useFieldError(name)}>
      <Field.Label>{label}</Field.Label>
      <Toggle
        checked={value}
        onLabel={text('toggle.on', 'On')}
        offLabel={text('toggle.off', 'Off')}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
          onChange(event.currentTarget.checked)
        }
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

export const SelectField = <Value extends string>({
  name,
  label,
  hint,
  value,
  options,
  onChange,
}: Base & {
  value: Value;
  options: { value: Value; label: string }[];
  onChange: (value: Value) => void;
}) => (
  <Field.Root name={name} hint={hint} error={useFieldError(name)}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect
      value={value}
      onChange={(next: string | number) => onChange(String(next) as Value)}
    >
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

/** A hex colour: the text and a swatch of what it gives. */
export const ColourField = ({
  name,
  label,
  value,
  onChange,
}: Base & { value: string; onChange: (value: string) => void }) => (
  <Field.Root name={name} error={useFieldError(name)}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      value={value}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.currentTarget.value)}
      endAction={
        <span
          aria-hidden
          style={{
            display: 'inline-block',
            width: 20,
            height: 20,
            borderRadius: 4,
            border: '1px solid #ccc',
            background: /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : 'transparent',
          }}
        />
      }
    />
    <Field.Error />
  </Field.Root>
);

/** Several records chosen by name; an id that no longer names a record stays visible. */
export const MultiRecordField = ({
  name,
  label,
  hint,
  value,
  options,
  onChange,
}: Base & {
  value: string[];
  options: { documentId: string; name: string }[];
  onChange: (value: string[]) => void;
}) => {
  const known = new Set(options.map((option) => option.documentId));
  const all = [
    ...options,
    ...value.filter((id) => !known.has(id)).map((id) => ({ documentId: id, name: id })),
  ];
  return (
    <Field.Root name={name} hint={hint} error={useFieldError(name)}>
      <Field.Label>{label}</Field.Label>
      <MultiSelect value={value} withTags onChange={(next: string[]) => onChange(next)}>
        {all.map((option) => (
          <MultiSelectOption key={option.documentId} value={option.documentId}>
            {option.name}
          </MultiSelectOption>
        ))}
      </MultiSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
