import { Layouts, Page } from '@strapi/strapi/admin';
import { Box, Typography } from '@strapi/design-system';
import type * as React from 'react';
import { DeliveryProblemsBanner } from './DeliveryProblemsBanner.tsx';

type Props = {
  title: string;
  subtitle: string;
  primaryAction?: React.ReactNode;
  /** What the page is about (a booking, a technician, filters), in a panel above the content. */
  controls?: React.ReactNode;
  /** A load that failed, said where the content would be. */
  error?: string | null;
  children: React.ReactNode;
};

/** The frame every Enroute page shares: title, subtitle, the delivery problems banner, controls, content. */
export const PageLayout = ({
  title,
  subtitle,
  primaryAction,
  controls,
  error,
  children,
}: Props) => (
  <Page.Main>
    <Page.Title>{title}</Page.Title>
    <Layouts.Header title={title} subtitle={subtitle} primaryAction={primaryAction} />
    <Layouts.Content>
      <DeliveryProblemsBanner />
      {controls ? (
        <Box background="neutral0" hasRadius shadow="filterShadow" padding={4} marginBottom={4}>
          {controls}
        </Box>
      ) : null}
      {error ? (
        <Box paddingBottom={4}>
          <Typography textColor="danger600">{error}</Typography>
        </Box>
      ) : null}
      {children}
    </Layouts.Content>
  </Page.Main>
);
