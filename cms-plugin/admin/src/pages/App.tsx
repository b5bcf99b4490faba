import { Layouts, Page, SubNav } from '@strapi/strapi/admin';
import { Flex } from '@strapi/design-system';
import type * as React from 'react';
import { useIntl } from 'react-intl';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions.ts';
import { getTranslation } from '../utils/translations.ts';
import { AccessCodesPage } from './AccessCodesPage.tsx';
import { CustomerAnswersPage } from './CustomerAnswersPage.tsx';
import { NotificationLogPage } from './NotificationLogPage.tsx';
import { PositionsPage } from './PositionsPage.tsx';
import { PreviewPage } from './PreviewPage.tsx';
import { SettingsPage } from './SettingsPage.tsx';
import { TemplatesPage } from './TemplatesPage.tsx';

const pages: {
  path: string;
  id: string;
  label: string;
  permissions: (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
  Component: React.ComponentType;
}[] = [
  {
    path: 'settings',
    id: 'nav.settings',
    label: 'Settings',
    permissions: PERMISSIONS.readSettings,
    Component: SettingsPage,
  },
  {
    path: 'notifications',
    id: 'nav.notifications',
    label: 'Notification log',
    permissions: PERMISSIONS.readLog,
    Component: NotificationLogPage,
  },
  {
    path: 'access-codes',
    id: 'nav.accessCodes',
    label: 'Access codes',
    permissions: PERMISSIONS.manageAccessCodes,
    Component: AccessCodesPage,
  },
  {
    path: 'customer-answers',
    id: 'nav.customerAnswers',
    label: 'Customer answers',
    permissions: PERMISSIONS.readLog,
    Component: CustomerAnswersPage,
  },
  {
    path: 'preview',
    id: 'nav.preview',
    label: 'Message preview',
    permissions: PERMISSIONS.readSettings,
    Component: PreviewPage,
  },
  {
    path: 'templates',
    id: 'nav.templates',
    label: 'Message templates',
    permissions: PERMISSIONS.readSettings,
    Component: TemplatesPage,
  },
  {
    path: 'positions',
    id: 'nav.positions',
    label: 'Geolocation tracking',
    permissions: PERMISSIONS.readLog,
    Component: PositionsPage,
  },
];

/** The plugin's pages beside a sub-navigation; each page asks for its own permission. */
export const App = () => {
  const { formatMessage } = useIntl();
  return (
    <Page.Protect permissions={PERMISSIONS.any}>
      <Layouts.Root
        sideNav={
          <SubNav.Main>
            <SubNav.Header
              label={formatMessage({
                id: getTranslation('plugin.name'),
                defaultMessage: 'Enroute',
              })}
            />
            <SubNav.Content>
              <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2}>
                {pages.map((page) => (
                  <SubNav.Link
                    key={page.path}
                    to={page.path}
                    label={formatMessage({
                      id: getTranslation(page.id),
                      defaultMessage: page.label,
                    })}
                  />
                ))}
              </Flex>
            </SubNav.Content>
          </SubNav.Main>
        }
      >
        <Routes>
          <Route index element={<Navigate to="settings" replace />} />
          {pages.map(({ path, permissions, Component }) => (
            <Route
              key={path}
              path={path}
              element={
                <Page.Protect permissions={permissions}>
                  <Component />
                </Page.Protect>
              }
            />
          ))}
        </Routes>
      </Layouts.Root>
    </Page.Protect>
  );
};
