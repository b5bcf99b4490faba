import { Alert, Box, Flex } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useLoad } from '../utils/api.ts';
import { useEnrouteClient } from '../utils/client.ts';
import { getTranslation } from '../utils/translations.ts';

/**
 * On every Enroute page while deliveries go wrong: the messages failed or expired and the booking
 * events dead in the settings' window, once they reach the threshold, with the way to the
 * notification log and to the outbox (the settings page's panel). Nothing otherwise.
 */
export const DeliveryProblemsBanner = () => {
  const api = useEnrouteClient();
  const { formatMessage } = useIntl();
  const problems = useLoad('delivery-problems', () =>
    api.getDeliveryProblems().then((body) => body.data),
  );
  const [dismissed, setDismissed] = React.useState(false);
  const data = problems.data;
  if (!data?.alert || dismissed) return null;
  return (
    <Box paddingBottom={4}>
      <Alert
        variant="danger"
        closeLabel={formatMessage({ id: getTranslation('close'), defaultMessage: 'Close' })}
        onClose={() => setDismissed(true)}
        title={formatMessage({
          id: getTranslation('problems.title'),
          defaultMessage: 'Messages are not getting through',
        })}
        action={
          <Flex gap={4}>
            <Link to="/plugins/enroute/notifications">
              {formatMessage({
                id: getTranslation('problems.log'),
                defaultMessage: 'Open the notification log',
              })}
            </Link>
            <Link to="/plugins/enroute/settings">
              {formatMessage({
                id: getTranslation('problems.outbox'),
                defaultMessage: 'Open the outbox',
              })}
            </Link>
          </Flex>
        }
      >
        {formatMessage(
          {
            id: getTranslation('problems.summary'),
            defaultMessage:
              'In the last {minutes} minutes: {failed} failed, {expired} expired, {dead} booking events dead (alert from {threshold}).',
          },
          {
            minutes: data.windowMinutes,
            failed: data.failed,
            expired: data.expired,
            dead: data.dead,
            threshold: data.threshold,
          },
        )}
      </Alert>
    </Box>
  );
};
