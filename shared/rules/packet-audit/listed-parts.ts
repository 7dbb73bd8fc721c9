import { looseCents } from '../../importers/packet/tokens';
import { type AuditContext, type AuditFinding, auditFinding, wan } from './context';
import { proseParts } from './text-scan';

/**
 * Totals the text breaks down that no table holds, in every format: 政府采购 (货物 + 工程 + 服务)
 * and the vehicles of 国有资产占用情况 (each kind's count and value against 车辆 N 辆, 价值 X 万元).
 * A list that names only some of its parts is checked only for exceeding its total. A Shanghai
 * budget's 政府采购 is checked with its other stated parts (shared/importers/shanghai/narrative-audit.ts).
 */
const N = '(\\d[\\d,，]*(?:\\.\\d+)?)';
const PROCUREMENT = new RegExp(`政府采购(?:预算(?:总额)?|支出总额|金额)?(?:[（(][^）)]{0,12}[）)])?(?:为)?${N}万元[，,；;]?其中[:：，,]?([^。]{0,300})`, 'g');
const PROCUREMENT_PARTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['货物', new RegExp(`货物(?:采购)?(?:预算|支出|金额)?(?:为)?${N}万元`)],
  ['工程', new RegExp(`工程(?:采购)?(?:预算|支出|金额)?(?:为)?${N}万元`)],
  ['服务', new RegExp(`服务(?:采购)?(?:预算|支出|金额)?(?:为)?${N}万元`)],
];
const VEHICLES = new RegExp(`车辆(?:共)?(\\d+)辆(?:[，,]?价值${N}万元)?[；;，,]?其中[:：]([^。]{0,400})`, 'g');
/** A kind of vehicle in the list: `一般公务用车 1辆，价值 17.42 万元`. */
const VEHICLE_KIND = new RegExp(`([\\u4e00-\\u9fff（）()]{2,20}?(?:用车|车辆))(\\d+)辆(?:[，,]?价值${N}万元)?`, 'g');

export function listedPartFindings(ctx: AuditContext, opts: { procurement: boolean } = { procurement: true }): AuditFinding[] {
  const out: AuditFinding[] = [];
  const report = (where: string, what: string, parts: ReadonlyArray<readonly [string, number]>, whole: number, all: boolean, show: (n: number) => string, unit: string) => {
    const sum = parts.reduce((a, [, v]) => a + v, 0);
    if (parts.length < 2 || sum === whole || (!all && sum < whole)) return;
    const listed = parts.map(([k, v]) => `${k} ${show(v)}`).join(' + ');
    out.push(
      auditFinding({
        rule: 'packet.narrative.parts',
        key: `text|${where}|${what}`,
        rowKey: 'text',
        row: `${where}：${what}`,
        expected: show(sum),
        actual: show(whole),
        message: all
          ? `${where}所述${what} ${show(whole)} ${unit}，而所列各项之和为 ${show(sum)} ${unit}（${listed}）${Math.abs(sum - whole) === 1 && unit === '万元' ? '（相差 0.01 万元，可能是尾差）' : ''}`
          : `${where}所列${what}各项之和 ${show(sum)} ${unit}（${listed}）已超过所述 ${show(whole)} ${unit}`,
      }),
    );
  };
  const count = (n: number) => String(n);
  for (const p of proseParts(ctx)) {
    for (const m of opts.procurement ? p.text.matchAll(PROCUREMENT) : []) {
      const whole = looseCents(m[1]!);
      if (whole === null) continue;
      const parts = PROCUREMENT_PARTS.flatMap(([k, re]) => {
        const v = re.exec(m[2]!)?.[1];
        const cents = v === undefined ? null : looseCents(v);
        return cents === null ? [] : [[k, cents] as const];
      });
      report(p.where, '政府采购', parts, whole, parts.length === PROCUREMENT_PARTS.length, wan, '万元');
    }
    for (const m of p.text.matchAll(VEHICLES)) {
      const kinds = [...m[3]!.matchAll(VEHICLE_KIND)];
      // Every kind listed is a part: the list is the breakdown of all the vehicles.
      report(p.where, '车辆数', kinds.map((k) => [k[1]!, Number(k[2])] as const), Number(m[1]), true, count, '辆');
      const value = m[2] === undefined ? null : looseCents(m[2]);
      const values = kinds.flatMap((k) => (k[3] === undefined ? [] : [[k[1]!, looseCents(k[3]) ?? 0] as const]));
      if (value !== null) report(p.where, '车辆价值', values, value, values.length === kinds.length, wan, '万元');
    }
  }
  return out;
}
