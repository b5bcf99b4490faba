import { Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type * as React from 'react';
import type { PageMeta } from '../../../shared/contracts/admin-pages.ts';
import { useLabel } from './settings/fields.tsx';

export type Row = { key: string; cells: React.ReactNode[]; onClick?: () => void };

/** A read-only table; text cells are set in the admin's type, other cells as given. */
export const DataTable = ({ headers, rows }: { headers: string[]; rows: Row[] }) => (
  <Table colCount={headers.length} rowCount={rows.length + 1}>
    <Thead>
      <Tr>
        {headers.map((header) => (
          <Th key={header}>{header}</Th>
        ))}
      </Tr>
    </Thead>
    <Tbody>
      {rows.map((row) => (
        <Tr
          key={row.key}
          onClick={row.onClick}
          style={row.onClick ? { cursor: 'pointer' } : undefined}
        >
          {row.cells.map((cell, index) => (
            <Td key={headers[index] ?? index}>
              {typeof cell === 'string' || typeof cell === 'number' ? (
                <Typography>{cell}</Typography>
              ) : (
                cell
              )}
            </Td>
          ))}
        </Tr>
      ))}
    </Tbody>
  </Table>
);

/** Previous and next, with where the reader is. */
export const Pager = ({ meta, onPage }: { meta: PageMeta; onPage: (page: number) => void }) => {
  const text = useLabel();
  return (
    <Flex justifyContent="space-between" paddingTop={4}>
      <Typography textColor="neutral600">
        {`${meta.total} · ${meta.page}/${Math.max(meta.pageCount, 1)}`}
      </Typography>
      <Flex gap={2}>
        <Button variant="tertiary" disabled={meta.page <= 1} onClick={() => onPage(meta.page - 1)}>
          {text('previous', 'Previous')}
        </Button>
        <Button
          variant="tertiary"
          disabled={meta.page >= meta.pageCount}
          onClick={() => onPage(meta.page + 1)}
        >
          {text('next', 'Next')}
        </Button>
      </Flex>
    </Flex>
  );
};
