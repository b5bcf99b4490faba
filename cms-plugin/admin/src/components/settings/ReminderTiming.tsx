import { Box, Grid, Typography } from '@strapi/design-system';
import type { MessageType } from '../../../../shared/contracts/domain.ts';
import type { ReminderSchedule } from '../../../../shared/contracts/settings.ts';
import { messageTypes } from '../../../../shared/contracts/vocabulary.ts';
import { useLoad } from '../../utils/api.ts';
import { useEnrouteClient } from '../../utils/client.ts';
import { TextField, ToggleField, useLabel } from './fields.tsx';
import type { TabProps } from './types.ts';

/** The place a time zone names: `America/Los_Angeles` → `Los Angeles`. */
function placeOf(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}

const clock = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
const day = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

/**
 * "Next: today 10:00 in Paris (09:00 UTC), 10:00 in Seattle (18:00 UTC)": when the next reminders
 * go out in each time zone the accounts use, for the send time being edited.
 */
export function describeSchedule(
  schedule: ReminderSchedule,
  now: Date,
  words: {
    today: string;
    tomorrow: string;
    heldUntil: string;
  },
): string {
  return [...schedule.zones]
    .sort((a, b) => Date.parse(a.nextAt) - Date.parse(b.nextAt))
    .map(({ timeZone, nextAt, heldByQuietHours }) => {
      const at = new Date(nextAt);
      const today = day(now, timeZone);
      const tomorrow = day(new Date(now.getTime() + 86_400_000), timeZone);
      const when = day(at, timeZone);
      const dayWord = when === today ? words.today : when === tomorrow ? words.tomorrow : when;
      const held = heldByQuietHours ? ` ${words.heldUntil}` : '';
      return `${dayWord} ${clock(at, timeZone)} in ${placeOf(timeZone)} (${clock(at, 'UTC')} UTC)${held}`;
    })
    .join(', ');
}

/** The send time's effect, and quiet hours with the messages that wait for their end. */
export const ReminderTiming = ({ draft, change }: Pick<TabProps, 'draft' | 'change'>) => {
  const text = useLabel();
  const api = useEnrouteClient();
  const schedule = useLoad(`schedule|${draft.reminderSendTime}|${draft.reminderSendTimeZone}`, () =>
    api
      .getReminderSchedule({
        query: { sendTime: draft.reminderSendTime, sendTimeZone: draft.reminderSendTimeZone },
      })
      .then((body) => body.data),
  );
  const quiet = draft.quietHours;
  const setQuiet = (next: Partial<typeof quiet>) => change('quietHours', { ...quiet, ...next });
  const labels: Record<MessageType, string> = {
    reminder: text('message.reminder', 'Reminder'),
    traveling: text('message.traveling', 'Technician on the way'),
    completed: text('message.completed', 'Work completed'),
    rescheduled: text('message.rescheduled', 'Booking rescheduled'),
    canceled: text('message.canceled', 'Booking canceled'),
    'request-declined': text('message.request-declined', 'Request to move declined'),
  };
  return (
    <>
      <Grid.Item col={12} s={12} direction="column" alignItems="stretch">
        <Box role="status" aria-live="polite">
          <Typography variant="omega" textColor="neutral700">
            {schedule.data
              ? schedule.data.zones.length === 0
                ? text('settings.nextReminders.none', 'Next reminders: no service account yet.')
                : `${text('settings.nextReminders', 'Next reminders')}: ${describeSchedule(
                    schedule.data,
                    new Date(),
                    {
                      today: text('day.today', 'today'),
                      tomorrow: text('day.tomorrow', 'tomorrow'),
                      heldUntil: text('settings.nextReminders.held', 'after quiet hours'),
                    },
                  )}`
              : (schedule.error ?? '…')}
          </Typography>
        </Box>
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <ToggleField
          name="quietHours.enabled"
          label={text('settings.quietHours', 'Quiet hours (each customer’s time)')}
          value={quiet.enabled}
          onChange={(enabled) => setQuiet({ enabled })}
        />
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <TextField
          name="quietHours.start"
          type="time"
          label={text('settings.quietHours.start', 'Quiet from')}
          value={quiet.start}
          onChange={(start) => setQuiet({ start: start ?? '' })}
        />
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <TextField
          name="quietHours.end"
          type="time"
          label={text('settings.quietHours.end', 'Quiet until')}
          value={quiet.end}
          onChange={(end) => setQuiet({ end: end ?? '' })}
        />
      </Grid.Item>
      <Grid.Item col={12} s={12} direction="column" alignItems="stretch">
        <Typography variant="sigma" textColor="neutral600">
          {text('settings.quietHours.waits', 'Wait for the end of quiet hours')}
        </Typography>
      </Grid.Item>
      {messageTypes.map((type) => (
        <Grid.Item key={type} col={3} s={6} direction="column" alignItems="stretch">
          <ToggleField
            name={`quietHours.wait.${type}`}
            label={labels[type]}
            value={quiet.wait[type] ?? false}
            onChange={(waits) => setQuiet({ wait: { ...quiet.wait, [type]: waits } })}
          />
        </Grid.Item>
      ))}
    </>
  );
};
