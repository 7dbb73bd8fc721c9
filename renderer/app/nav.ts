import type { ReactNode } from 'react';
import type { ViewProps } from './view-props';
import { FindingsPanel } from '../panels/FindingsPanel';
import { ProfilePanel } from '../panels/ProfilePanel';
import { TablePage } from '../panels/TablePage';
import { PACKET_NAV } from '../packet/nav-entries';
import { createElement } from 'react';
import { xinjiangBudget2024 } from '../../shared/formats/xinjiang-budget-2024';
import type { FormatTemplate } from '../../shared/templates/types';

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

/** The pages for a document of this format: one per table, titled as the format declares it. */
export function navFor(format: FormatTemplate): NavEntry[] {
  return [
    { id: 'profile', label: '部门概况', short: '部门概况', render: (p) => createElement(ProfilePanel, p) },
    ...format.tables.map(
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
}

/** Pages of the built-in format (the packet pages are the same in every format). */
export const NAV: NavEntry[] = navFor(xinjiangBudget2024);

/** The label in the collapsed nav strip: 表N for a table, else the first two characters (full label in the tooltip). */
export function stripLabel(n: NavEntry): string {
  return /^表\d+/.exec(n.short)?.[0] ?? n.short.slice(0, 2);
}

export function navEntry(id: string, nav: readonly NavEntry[] = NAV): NavEntry {
  return nav.find((n) => n.id === id) ?? nav[0]!;
}
