import type { ReactNode } from 'react';
import type { ViewProps } from './view-props';
import { FindingsPanel } from '../panels/FindingsPanel';
import { ProfilePanel } from '../panels/ProfilePanel';
import { TablePage } from '../panels/TablePage';
import { PACKET_NAV } from '../packet/nav-entries';
import { createElement } from 'react';
import { budget2024 } from '../../shared/templates/budget-2024';

/**
 * The navigation as data: one entry per page. A new page (e.g. the packet preview) is one more line.
 */
export interface NavEntry {
  id: string;
  label: string;
  /** Short label for the side bar. */
  short: string;
  render(props: ViewProps): ReactNode;
}

export const NAV: NavEntry[] = [
  { id: 'profile', label: '部门概况', short: '部门概况', render: (p) => createElement(ProfilePanel, p) },
  // One page per table of the format, titled as the template declares it.
  ...budget2024.tables.map(
    (t): NavEntry => ({
      id: `t${t.no}`,
      label: `表${t.no} ${t.title}`,
      short: `表${t.no} ${t.title}`,
      render: (p) => createElement(TablePage, { ...p, table: t.no, key: `t${t.no}` }),
    }),
  ),
  { id: 'findings', label: '检查结果', short: '检查结果', render: (p) => createElement(FindingsPanel, p) },
  ...PACKET_NAV,
];

export function navEntry(id: string): NavEntry {
  return NAV.find((n) => n.id === id) ?? NAV[0]!;
}
