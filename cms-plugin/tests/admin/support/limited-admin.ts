import type { Host } from '../../support/host.ts';

type Answer = Awaited<ReturnType<Host['request']>>;

function data<T>(answer: Answer, what: string): T {
  if (answer.status >= 300)
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data as T;
}

/**
 * An admin user of a role of their own, holding only the permissions given: what an editor
 * without the plugin's permissions, or with some of them, can do.
 */
export async function createLimitedAdmin(host: Host, name: string) {
  const role = data<{ id: number }>(
    await host.asAdmin('POST', '/admin/roles', { name: `Role ${name}`, description: name }),
    'create role',
  );
  const email = `${name}@example.com`;
  const user = data<{ registrationToken: string }>(
    await host.asAdmin('POST', '/admin/users', {
      firstname: name,
      lastname: 'Tester',
      email,
      roles: [role.id],
    }),
    'create user',
  );
  const registered = data<{ token: string }>(
    await host.request('POST', '/admin/register', {
      body: {
        registrationToken: user.registrationToken,
        userInfo: { firstname: name, lastname: 'Tester', password: 'Enroute-test-2' },
      },
    }),
    'register user',
  );
  const token = registered.token;

  return {
    email,
    /** Replaces the role's permissions with these plugin actions. */
    async grant(actions: string[]) {
      data(
        await host.asAdmin('PUT', `/admin/roles/${role.id}/permissions`, {
          permissions: actions.map((action) => ({
            action,
            subject: null,
            properties: {},
            conditions: [],
          })),
        }),
        'grant permissions',
      );
    },
    /** The plugin's admin API under /enroute, as this user. */
    admin: (method: string, route: string, body?: unknown) =>
      host.request(method, `/enroute${route}`, { token, body }),
  };
}
