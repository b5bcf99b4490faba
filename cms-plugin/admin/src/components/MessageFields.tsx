import type { MessageType } from '../../../shared/contracts/domain.ts';
import { messageTypes } from '../../../shared/contracts/vocabulary.ts';
import { SelectField, useLabel } from './settings/fields.tsx';

/** Which of the five messages a page is about. */
export const MessageTypeField = ({
  name = 'type',
  value,
  onChange,
}: {
  name?: string;
  value: MessageType;
  onChange: (value: MessageType) => void;
}) => {
  const text = useLabel();
  return (
    <SelectField
      name={name}
      label={text('preview.message', 'Message')}
      value={value}
      options={messageTypes.map((type) => ({ value: type, label: text(`message.${type}`, type) }))}
      onChange={onChange}
    />
  );
};

/** Which language a page shows a message in. */
export const LocaleField = ({
  locales,
  value,
  onChange,
}: {
  locales: readonly string[];
  value: string;
  onChange: (value: string) => void;
}) => {
  const text = useLabel();
  return (
    <SelectField
      name="locale"
      label={text('preview.locale', 'Language')}
      value={value}
      options={locales.map((code) => ({ value: code, label: code }))}
      onChange={onChange}
    />
  );
};
