import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { PreviewResponse } from '../../../shared/contracts/admin-pages.ts';
import { getTranslation } from '../utils/translations.ts';

/** The email (in a sandboxed frame, as a mail client shows it) and the SMS, with its cost. */
export const MessagePreview = ({ preview }: { preview: PreviewResponse }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Box>
        <Typography variant="sigma" tag="h3">
          {formatMessage({ id: getTranslation('preview.email'), defaultMessage: 'Email' })}
        </Typography>
        <Box paddingTop={2} paddingBottom={2}>
          <Typography variant="omega" fontWeight="bold" data-testid="preview-subject">
            {preview.email.subject}
          </Typography>
        </Box>
        <Box hasRadius borderColor="neutral200" overflow="hidden">
          <iframe
            title={formatMessage({
              id: getTranslation('preview.emailFrame'),
              defaultMessage: 'Email preview',
            })}
            sandbox=""
            srcDoc={preview.email.html}
            style={{ width: '100%', height: 560, border: 0, background: '#fff' }}
          />
        </Box>
      </Box>
      <Box>
        <Flex gap={2} alignItems="center">
          <Typography variant="sigma" tag="h3">
            {formatMessage({ id: getTranslation('preview.sms'), defaultMessage: 'SMS' })}
          </Typography>
          <Badge data-testid="sms-segments">
            {formatMessage(
              {
                id: getTranslation('preview.segments'),
                defaultMessage:
                  '{segments, plural, =0 {empty} one {# segment} other {# segments}} · {encoding} · {units} units',
              },
              preview.sms,
            )}
          </Badge>
        </Flex>
        <Box
          marginTop={2}
          padding={4}
          hasRadius
          background="neutral100"
          style={{ whiteSpace: 'pre-wrap', maxWidth: 420 }}
        >
          <Typography data-testid="sms-body">{preview.sms.body}</Typography>
        </Box>
      </Box>
    </Flex>
  );
};
