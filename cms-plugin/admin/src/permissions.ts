import type { Permission } from '@strapi/strapi/admin';
import { ACTIONS } from '../../server/src/permissions.ts';

/** One of the plugin's permissions in the shape the admin's menu and RBAC helpers take. */
const permission = (action: string): Permission => ({
  id: action,
  action,
  subject: null,
  actionParameters: {},
  properties: {},
  conditions: [],
});

export const PERMISSIONS = {
  readSettings: [permission(ACTIONS.readSettings)],
  updateSettings: [permission(ACTIONS.updateSettings)],
  manageAccessCodes: [permission(ACTIONS.manageAccessCodes)],
  readLog: [permission(ACTIONS.readLog)],
  /** Opening the plugin at all: any one of its permissions (Page.Protect wants one of them). */
  any: Object.values(ACTIONS).map(permission),
};
