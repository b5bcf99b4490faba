import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** What the demo remembers between starts, in `<data>/state.json`. */
export const State = z.object({
  admin: z.object({ email: z.string(), password: z.string() }),
  webhookSecret: z.string(),
  smsApiKey: z.string(),
  /** Strapi API tokens: the integration's and n8n's (full access), the portal's (read-only). */
  tokens: z.object({ fullAccess: z.string(), readOnly: z.string() }).nullable(),
  n8nOwner: z.object({ email: z.string(), password: z.string() }),
  /** Set once n8n has its credentials and flows, so that later starts keep the admin's changes. */
  n8nImported: z.boolean(),
  seeded: z.boolean(),
  /** The demo bookings worth opening in the portal, and the traveling technician's token. */
  samples: z.array(z.object({ label: z.string(), documentId: z.string() })).default([]),
  technicianToken: z.string().nullable().default(null),
});
export type State = z.infer<typeof State>;

export async function loadState(dataDir: string): Promise<State> {
  await mkdir(dataDir, { recursive: true });
  try {
    return State.parse(JSON.parse(await readFile(path.join(dataDir, 'state.json'), 'utf8')));
  } catch {
    return {
      admin: { email: 'admin@example.com', password: 'Enroute-demo-1' },
      webhookSecret: randomBytes(24).toString('base64url'),
      smsApiKey: randomBytes(16).toString('base64url'),
      tokens: null,
      n8nOwner: { email: 'admin@example.com', password: 'Enroute-demo-1' },
      n8nImported: false,
      seeded: false,
      samples: [],
      technicianToken: null,
    };
  }
}

export async function saveState(dataDir: string, state: State): Promise<void> {
  await writeFile(path.join(dataDir, 'state.json'), JSON.stringify(state, null, 2) + '\n', {
    mode: 0o600,
  });
}
