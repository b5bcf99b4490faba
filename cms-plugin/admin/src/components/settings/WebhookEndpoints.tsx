import { Box, Button, Checkbox, Field, Flex, Grid, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { BookingEventType } from '../../../../shared/contracts/booking-event-types.ts';
import {
  bookingEventTypes,
  bookingStatuses,
  bookingStatusNames,
} from '../../../../shared/contracts/vocabulary.ts';
import type { WebhookEndpointInput } from '../../../../shared/contracts/settings.ts';
import { NumberField, TextField, ToggleField, useLabel } from './fields.tsx';

/** A new endpoint takes several events per request: n8n's Enroute Trigger handles batches. */
const NEW_ENDPOINT_EVENTS_PER_REQUEST = 25;

const eventLabels: Record<BookingEventType, string> = {
  'booking.created': 'Created',
  'booking.status_changed': 'Status changed',
  'booking.rescheduled': 'Rescheduled',
  'booking.resource_changed': 'Technician changed',
  'booking.deleted': 'Deleted',
  'customer.confirmed': 'Customer confirmed',
  'customer.reschedule_requested': 'Customer asked for another time',
  'customer.reschedule_declined': 'Request for another time declined',
  'customer.cancel_requested': 'Customer canceled',
  'customer.note': 'Customer left a note',
};

/**
 * The webhook endpoints (one per n8n workflow), each with the events it receives. A new
 * endpoint gets only the events that happen after it is saved.
 */
export const WebhookEndpoints = ({
  value,
  onChange,
}: {
  value: WebhookEndpointInput[];
  onChange: (value: WebhookEndpointInput[]) => void;
}) => {
  const text = useLabel();
  const edit = (index: number, patch: Partial<WebhookEndpointInput>) =>
    onChange(value.map((endpoint, at) => (at === index ? { ...endpoint, ...patch } : endpoint)));
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="webhook-endpoints">
      <Typography variant="sigma">{text('webhooks.title', 'Webhook endpoints')}</Typography>
      {value.length === 0 ? (
        <Typography textColor="neutral600">
          {text('webhooks.none', 'No endpoint: booking events are not sent.')}
        </Typography>
      ) : null}
      {value.map((endpoint, index) => (
        <Box key={endpoint.id ?? `new-${index}`} padding={4} background="neutral100" hasRadius>
          <Grid.Root gap={4}>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <TextField
                name={`webhooks.${index}.name`}
                label={text('webhooks.name', 'Name')}
                value={endpoint.name}
                onChange={(name) => edit(index, { name: name ?? '' })}
              />
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <TextField
                name={`webhooks.${index}.url`}
                type="url"
                label={text('webhooks.url', 'URL')}
                value={endpoint.url}
                onChange={(url) => edit(index, { url: url ?? '' })}
              />
            </Grid.Item>
            <Grid.Item col={2} s={12} direction="column" alignItems="stretch">
              <ToggleField
                name={`webhooks.${index}.enabled`}
                label={text('webhooks.enabled', 'Enabled')}
                value={endpoint.enabled ?? true}
                onChange={(enabled) => edit(index, { enabled })}
              />
            </Grid.Item>
            <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
              <Field.Root name={`webhooks.${index}.events`}>
                <Field.Label>{text('webhooks.events', 'Events')}</Field.Label>
                <Flex gap={4} wrap="wrap">
                  {bookingEventTypes.map((type) => (
                    <Checkbox
                      key={type}
                      checked={endpoint.events.includes(type)}
                      onCheckedChange={(checked: boolean | 'indeterminate') =>
                        edit(index, {
                          events: bookingEventTypes.filter((candidate) =>
                            candidate === type
                              ? checked === true
                              : endpoint.events.includes(candidate),
                          ),
                        })
                      }
                    >
                      {text(`webhooks.event.${type}`, eventLabels[type])}
                    </Checkbox>
                  ))}
                </Flex>
              </Field.Root>
            </Grid.Item>
            {endpoint.events.includes('booking.status_changed') ? (
              <Grid.Item col={12} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  name={`webhooks.${index}.statuses`}
                  hint={text(
                    'webhooks.statuses.hint',
                    'Status changes to these statuses only; none ticked sends every status change',
                  )}
                >
                  <Field.Label>{text('webhooks.statuses', 'New statuses')}</Field.Label>
                  <Flex gap={4} wrap="wrap">
                    {bookingStatuses.map((status) => (
                      <Checkbox
                        key={status}
                        checked={(endpoint.statuses ?? []).includes(status)}
                        onCheckedChange={(checked: boolean | 'indeterminate') =>
                          edit(index, {
                            statuses: bookingStatuses.filter((candidate) =>
                              candidate === status
                                ? checked === true
                                : (endpoint.statuses ?? []).includes(candidate),
                            ),
                          })
                        }
                      >
                        {text(`webhooks.status.${status}`, bookingStatusNames[status])}
                      </Checkbox>
                    ))}
                  </Flex>
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
            ) : null}
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <NumberField
                name={`webhooks.${index}.maxEventsPerDelivery`}
                label={text('webhooks.maxEventsPerDelivery', 'Events per request')}
                hint={text(
                  'webhooks.maxEventsPerDelivery.hint',
                  '1 posts each event alone; more posts events of different bookings together (the Enroute Trigger takes both)',
                )}
                value={endpoint.maxEventsPerDelivery ?? 1}
                onChange={(maxEventsPerDelivery) => edit(index, { maxEventsPerDelivery })}
              />
            </Grid.Item>
            <Grid.Item col={2} s={12} direction="column" alignItems="flex-end">
              <Button
                variant="danger-light"
                startIcon={<Trash />}
                onClick={() => onChange(value.filter((_, at) => at !== index))}
              >
                {text('webhooks.remove', 'Remove')}
              </Button>
            </Grid.Item>
          </Grid.Root>
        </Box>
      ))}
      <Box>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          onClick={() =>
            onChange([
              ...value,
              {
                name: '',
                url: '',
                events: [...bookingEventTypes],
                enabled: true,
                maxEventsPerDelivery: NEW_ENDPOINT_EVENTS_PER_REQUEST,
              },
            ])
          }
        >
          {text('webhooks.add', 'Add an endpoint')}
        </Button>
      </Box>
    </Flex>
  );
};
