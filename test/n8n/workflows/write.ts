import { writeFileSync } from 'node:fs';
import { templateFiles } from './templates.ts';

for (const [file, build] of Object.entries(templateFiles)) {
  writeFileSync(
    new URL(`../../../n8n-nodes/workflows/${file}`, import.meta.url),
    `${JSON.stringify(build(), null, 2)}\n`,
  );
}
