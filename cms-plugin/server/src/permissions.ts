import type { Core } from '@strapi/strapi';

export const ACTIONS = {
  readSettings: 'plugin::enroute.settings.read',
  updateSettings: 'plugin::enroute.settings.update',
  manageAccessCodes: 'plugin::enroute.access-codes.manage',
  readLog: 'plugin::enroute.notifications.read',
} as const;

type ActionProvider = { registerMany(actions: unknown[]): Promise<void> };

/** The plugin's admin permissions, shown under Settings › Roles › Plugins. */
export async function registerPermissions(strapi: Core.Strapi): Promise<void> {
  const provider = (strapi.service('admin::permission') as { actionProvider: ActionProvider })
    .actionProvider;
  const action = (uid: string, displayName: string) => ({
    section: 'plugins',
    pluginName: 'enroute',
    uid,
    displayName,
  });
  await provider.registerMany([
    action('settings.read', 'Read settings'),
    action('settings.update', 'Edit settings'),
    action('access-codes.manage', 'Manage access codes'),
    action('notifications.read', 'Read the notification log'),
  ]);
}
