import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BudgetSession } from '../../../shared/engine/session';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { checkFindings } from '../../../shared/rules/all-findings';
import type { Finding } from '../../../shared/rules/finding';

export const FIXTURES = join(__dirname, '../../fixtures');

export function packetText(n: '000' | '003' | '004'): string {
  const file = { '000': '000_76f4246f7dc2bf91.txt', '003': '003_d8581a66e967af08.txt', '004': '004_b7e4b340c6b3bf95.txt' }[n];
  return readFileSync(join(FIXTURES, file), 'utf8');
}

/** What `check` reports for a packet's text. */
export function audit(text: string): Finding[] {
  const r = importPacketText(text);
  if (!r.ok) throw new Error(r.error);
  return checkFindings(BudgetSession.open(r.doc));
}

/** Replace exactly `count` occurrences (all by default), failing when the text is not there. */
export function edit(text: string, from: string | RegExp, to: string, count?: number): string {
  const re = typeof from === 'string' ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : from;
  const found = text.match(re)?.length ?? 0;
  if (found === 0 || (count !== undefined && found < count)) throw new Error(`not in the packet: ${String(from)}`);
  let left = count ?? found;
  return text.replace(re, (m) => (left-- > 0 ? to : m));
}

/**
 * Packet 003 with its published defects corrected by the smallest edits that make every figure
 * agree: 表6 基本工资 35.20 → 35.19 (its 301 details then give the printed 140.35); the basic
 * total is what the details add to, 160.32, so 342.31 → 342.32 and 232.31 → 232.32 everywhere;
 * last year's general budget follows from 五（三）'s items (change +30.14, 14.91%); 退休人员增加
 * 3 名 as 第一部分 says; the doubled 预算预算 and 是是; the three 绩效目标表 whose weights add to
 * 90 (one indicator each at 10 more: 信访工作组后勤保障 30, 保障经费信访工作组 20, 工作人员满意度 20).
 */
export function corrected003(): string {
  let t = packetText('003');
  t = edit(t, '301\t01\t基本工资\t35.20\t35.20', '301\t01\t基本工资\t35.19\t35.19');
  t = edit(t, '160.31', '160.32');
  t = edit(t, '342.31', '342.32');
  t = edit(t, '232.31', '232.32');
  t = edit(t, '比上年预算增加 30.13 万元，增长 14.90%', '比上年预算增加 30.14 万元，增长 14.91%');
  t = edit(t, '比上年预算增加 30.13 万元，增长 23.15%', '比上年预算增加 30.14 万元，增长 23.15%');
  t = edit(t, /退休人员增加\s*2\s*名/g, '退休人员增加 3 名');
  t = edit(t, '国有资本经营预算预算支出', '国有资本经营预算支出');
  t = edit(t, '主要原因是是', '主要原因是');
  t = edit(t, '自治区党委常委会“5.23”《会议纪要》《关\t20', '自治区党委常委会“5.23”《会议纪要》《关\t30');
  t = edit(t, '102.14\t10\t', '102.14\t20\t');
  t = edit(t, '工作人员满意度(%)\t=95%\t计划标准\t100%\t10', '工作人员满意度(%)\t=95%\t计划标准\t100%\t20');
  return t;
}

export const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.row}`;
