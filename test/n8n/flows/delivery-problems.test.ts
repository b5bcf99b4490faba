import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS } from '../workflows/templates.ts';
import { outputOf } from '../support/engine.ts';
import {
  removeUserFolder,
  startFlowEnvironment,
  statusChange,
  template,
  type FlowEnvironment,
} from './environment.ts';

const OPERATIONS = 'ops@example.com';
const problemsFlow = template('delivery-problems.json');

let env: FlowEnvironment;

beforeAll(async () => {
  env = await startFlowEnvironment();
  const settings = await env.plugin.host.admin('PUT', '/settings', {
    operationsEmail: OPERATIONS,
    deliveryAlertThreshold: 2,
    deliveryAlertWindowMinutes: 60,
  });
  expect(settings.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await env?.close();
  removeUserFolder();
});

/** A traveling message whose SMS the gateway refuses with 500: one failed message in the log. */
async function failedText(id: string) {
  const booking = await env.plugin.booking(id, 1, { status: 'traveling' });
  env.twilio.failNext(1);
  const run = await env.engine.run(
    template('traveling.json'),
    [{ json: statusChange(booking, 'scheduled', 'traveling') }],
    'webhook',
  );
  expect(run.status).toBe('success');
  const log = await env.plugin.notifications(booking);
  expect(log.find((n) => n.channel === 'sms')?.state).toBe('failed');
}

/** The emails the operations address got so far. */
const toOperations = () =>
  env.smtp.received.filter(
    (mail) =>
      mail.to && !Array.isArray(mail.to) && mail.to.value.some((to) => to.address === OPERATIONS),
  );

describe('the delivery problems flow', () => {
  it('below the threshold (one failed message in the window): the flow runs and tells nobody', async () => {
    await failedText('problem-1');
    const run = await env.engine.run(problemsFlow, [{ json: {} }]);
    expect(run.status).toBe('success');
    expect(outputOf(run, PROBLEMS.check)[0]?.json).toMatchObject({
      failed: 1,
      total: 1,
      threshold: 2,
      alert: false,
    });
    expect(toOperations()).toEqual([]);
  });

  it('at the threshold (a second failed message): the operations address gets one email saying how many', async () => {
    await failedText('problem-2');
    const run = await env.engine.run(problemsFlow, [{ json: {} }]);
    expect(run.status).toBe('success');
    const mails = toOperations();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(
      'Enroute delivery problems: 2 failed, 0 expired, 0 booking events dead',
    );
    expect(mails[0]?.text).toContain('In the last 60 minutes: 2 failed, 0 expired');
    // The customers' emails went out: only the texts failed.
    expect(
      env.smtp.received.filter((mail) => mail.subject?.includes('Enroute delivery')),
    ).toHaveLength(1);
  });

  it('with no operations address set, nobody is told however many problems there are', async () => {
    const cleared = await env.plugin.host.admin('PUT', '/settings', { operationsEmail: null });
    expect(cleared.status).toBe(200);
    const run = await env.engine.run(problemsFlow, [{ json: {} }]);
    expect(run.status).toBe('success');
    expect(outputOf(run, PROBLEMS.check)[0]?.json).toMatchObject({ alert: true });
    expect(toOperations()).toHaveLength(1);
  });
});
