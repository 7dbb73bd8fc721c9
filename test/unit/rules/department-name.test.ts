import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { checkFindings } from '../../../shared/rules/all-findings';

/** Another department's name where the text names its own: each case edits one name of a real packet. */
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function names(text: string): string[] {
  const r = importAnyPacketText(text);
  if (!r.ok) throw new Error(r.error);
  return checkFindings(BudgetSession.open(r.doc))
    .filter((f) => f.rule === 'text.department' || f.message.includes('没有这一科目'))
    .map((f) => f.message.replace(/：第三部分.*$|：情况说明.*$|：其他相关.*$/, ''));
}

function edit(name: string, from: string, to: string): string {
  const text = fixture(name);
  expect(text.split(from).length - 1).toBe(1);
  return text.replace(from, to);
}

const SH = 'shanghai/text/putuo-govoffice-2025-budget-dept.layout.txt';

describe('another department’s name left in the text, a 项 the tables lack', () => {
  it('the real packets: none', () => {
    for (const f of ['000_76f4246f7dc2bf91.txt', '003_d8581a66e967af08.txt', '004_b7e4b340c6b3bf95.txt', '001_83be6d852232fd35.txt', SH, 'shanghai/putuo-finance-2024-final-accounts.layout.txt']) {
      expect(names(fixture(f)), f).toEqual([]);
    }
  });

  it.each([
    ['000 三, before the year', '000_76f4246f7dc2bf91.txt', '昌吉回族自治州工商业联合会 2024 年支出预算 298.61 万元', '昌吉市商务和工业信息化局 2024 年支出预算 298.61 万元', '写的是“昌吉市商务和工业信息化局”，本文件的部门是“昌吉回族自治州工商业联合会”'],
    ['003 三, before the year', '003_d8581a66e967af08.txt', '昌吉回族自治州人民政府驻北京联络处 2024 年支出预算 342.31 万元', '昌吉回族自治州工商业联合会 2024 年支出预算 342.31 万元', '写的是“昌吉回族自治州工商业联合会”，本文件的部门是“昌吉回族自治州人民政府驻北京联络处”'],
    ['001 十（一）, after the year', '001_83be6d852232fd35.txt', '2024年度昌吉回族自治州工商业联合会（行政单位', '2024年度昌吉市商务和工业信息化局（行政单位', '写的是“昌吉市商务和工业信息化局”，本文件的部门是“昌吉回族自治州工商业联合会”'],
    ['Shanghai 机关运行经费, after the year', SH, '2025年上海市普陀区人民政府办公室下属1家机关', '2025年上海市普陀区财政局下属1家机关', '写的是“上海市普陀区财政局”，本文件的部门是“上海市普陀区人民政府办公室”'],
    ['003 五（三）, a 项 the tables lack', '003_d8581a66e967af08.txt', '（款）机关事业单位职业年金缴费支出（项）', '（款）其他行政事业单位养老支出（项）', '第三部分五写“其他行政事业单位养老支出（项）”为 7.64万元，表5中没有这一科目'],
  ])('%s', (_what, file, from, to, message) => {
    expect(names(edit(file, from, to))).toContain(message);
  });
});

describe('a 决算 项 line the tables lack', () => {
  it('Putuo 决算 五（三）: 信息化建设 renamed to a 项 the table does not have', () => {
    const text = edit('shanghai/putuo-finance-2024-final-accounts.layout.txt', '财政事务（款）信息化建设（项）', '财政事务（款）机关服务（项）');
    const r = importAnyPacketText(text);
    if (!r.ok) throw new Error(r.error);
    const missing = checkFindings(BudgetSession.open(r.doc)).filter((f) => f.message.includes('没有这一科目'));
    expect(missing.map((f) => f.row)).toEqual(['一般公共预算财政拨款支出决算情况说明：一般公共服务支出（类）财政事务（款）机关服务（项）']);
  });
});
