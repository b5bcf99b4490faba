import { optionsFromEnv } from './config.ts';
import { PortsInUseError } from './ports.ts';
import { consoleLog } from './processes.ts';
import { startStack, type Stack } from './stack.ts';

/**
 * `npm start`: the whole product on this machine, on embedded defaults. Ctrl-C stops it all;
 * the next start keeps the data (demo/data/).
 */
const log = consoleLog;
let stack: Stack | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log('demo', 'stopping…');
  await stack?.stop();
  log('demo', 'stopped; the data stays for the next start');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const options = optionsFromEnv(process.env, log);
  log('demo', `starting Enroute (data in ${options.dataDir})…`);
  stack = await startStack(options);
  if (stopping) await stack.stop();
  const { urls, state, samples, technicianLink } = stack;
  const lines = [
    '',
    'Enroute is running. Ctrl-C stops everything; the next start keeps the data.',
    '',
    `  Strapi admin     ${urls.strapiAdmin}   (${state.admin.email} / ${state.admin.password})`,
    `  n8n editor       ${urls.n8n}   (${state.n8nOwner.email} / ${state.n8nOwner.password})`,
    `  messages sent    ${urls.capture}   (every email and SMS, with their links)`,
    `  portal           ${urls.portal}`,
    ...samples.map((sample) => `    ${sample.label.padEnd(50)} ${sample.url}`),
    ...(technicianLink
      ? [
          `  technician app   ${technicianLink}   (Marco Rossi's phone: open on a phone or in a browser)`,
        ]
      : []),
    '',
    `  Strapi API token (full access): ${state.tokens?.fullAccess ?? '-'}`,
    `  SMTP capture: ${urls.smtp}`,
    '',
  ];
  for (const line of lines) log('demo', line);
} catch (error) {
  if (error instanceof PortsInUseError) {
    for (const line of error.message.split('\n')) log('demo', line);
    process.exit(1);
  } else {
    log('demo', `could not start: ${(error as Error).stack ?? String(error)}`);
  }
  await shutdown(1);
}
