import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateFiles } from '../workflows/templates.ts';

describe('workflows/', () => {
  it.each(Object.entries(templateFiles))(
    '%s is what the template builder gives (npm run workflows)',
    (file, build) => {
      const onDisk: unknown = JSON.parse(
        readFileSync(new URL(`../../../n8n-nodes/workflows/${file}`, import.meta.url), 'utf8'),
      );
      expect(onDisk).toEqual(build());
    },
  );

  it('reminders run every day at 10:00 in the workflow zone, UTC', () => {
    const reminder = templateFiles['reminder.json']!();
    expect(reminder.settings.timezone).toBe('UTC');
    expect(reminder.nodes[0]?.parameters).toEqual({
      rule: {
        interval: [{ field: 'days', daysInterval: 1, triggerAtHour: 10, triggerAtMinute: 0 }],
      },
    });
  });
});
