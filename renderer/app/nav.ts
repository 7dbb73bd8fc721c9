import type { ReactNode } from 'react';
import type { ViewProps } from './view-props';
import { FindingsPanel } from '../panels/FindingsPanel';
import { ProfilePanel } from '../panels/ProfilePanel';
import { TablePage } from '../panels/TablePage';
import { PACKET_NAV } from '../packet/nav-entries';
import { createElement } from 'react';

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

const TABLE_TITLES = [
  '部门收支总体情况表',
  '部门收入总体情况表',
  '部门支出总体情况表',
  '财政拨款收支预算总体情况表',
  '一般公共预算支出情况表',
  '一般公共预算基本支出情况表',
  '一般公共预算项目支出情况表',
  '政府性基金预算支出情况表',
  '国有资本经营预算支出情况表',
  '财政拨款“三公”经费支出情况表',
  '上年结转结余情况明细表',
];

export const NAV: NavEntry[] = [
  { id: 'profile', label: '部门概况', short: '部门概况', render: (p) => createElement(ProfilePanel, p) },
  ...TABLE_TITLES.map(
    (title, i): NavEntry => ({
      id: `t${i + 1}`,
      label: `表${i + 1} ${title}`,
      short: `表${i + 1} ${title}`,
      render: (p) => createElement(TablePage, { ...p, table: i + 1, key: `t${i + 1}` }),
    }),
  ),
  { id: 'findings', label: '检查结果', short: '检查结果', render: (p) => createElement(FindingsPanel, p) },
  ...PACKET_NAV,
];

export function navEntry(id: string): NavEntry {
  return NAV.find((n) => n.id === id) ?? NAV[0]!;
}
