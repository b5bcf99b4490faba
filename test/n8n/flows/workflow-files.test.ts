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

  it('runs the reminder flow every 5 minutes: the plugin says which reminders are due', () => {
    const reminder = templateFiles['reminder.json']!();
    expect(reminder.nodes[0]?.parameters).toEqual({
      rule: { interval: [{ field: 'minutes', minutesInterval: 5 }] },
    });
  });
});
