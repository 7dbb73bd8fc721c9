import { type AuditContext, type AuditFinding, SECTION, auditFinding } from './context';

type Staff = AuditContext['session']['document']['profile']['staff'];

const WORD: Record<string, 'activeChange' | 'retiredChange' | 'veteranChange'> = { 在职: 'activeChange', 退休: 'retiredChange', 离休: 'veteranChange' };

/**
 * Staff figures against 第一部分: 实有人数 is 在职 + 退休 + 离休; a reason that says “退休人员增加
 * 2 名” must agree with the change 第一部分 states (one finding, every place that says it); a
 * 绩效 target that keeps more people than the department has is a 提示.
 */
export function staffFindings(ctx: AuditContext): AuditFinding[] {
  const staff = ctx.session.document.profile.staff;
  const out: AuditFinding[] = [];
  const { actual, active, retired, veteran } = staff;
  if (actual !== undefined && active !== undefined && retired !== undefined) {
    const sum = active + retired + (veteran ?? 0);
    if (sum !== actual) {
      out.push(
        auditFinding({
          rule: 'packet.narrative.staff',
          key: 'profile.actual',
          rowKey: 'profile',
          row: '第一部分 机构设置及人员情况 实有人数',
          expected: String(sum),
          actual: String(actual),
          message: `第一部分写实有人数 ${actual} 人，在职、退休、离休人数之和为 ${sum} 人`,
        }),
      );
    }
  }
  // Reasons that restate a change in staff.
  const wrong = new Map<string, { stated: number; expected: number; places: string[] }>();
  for (let n = 1; n <= 12; n++) {
    for (const m of ctx.text(n).matchAll(/(在职|退休|离休)人员(?:人数)?(?:较上年度?|比上年度?)?(增加|减少)(\d+)(?:名|人)/g)) {
      const key = WORD[m[1]!]!;
      const expected = staff[key];
      if (expected === undefined) continue;
      const stated = Number(m[3]) * (m[2] === '减少' ? -1 : 1);
      if (stated === expected) continue;
      const k = `${m[1]}|${stated}`;
      const e = wrong.get(k) ?? { stated, expected, places: [] };
      if (!e.places.includes(`第三部分${SECTION[n]}`)) e.places.push(`第三部分${SECTION[n]}`);
      wrong.set(k, e);
    }
  }
  for (const [k, e] of wrong) {
    const who = k.split('|')[0]!;
    const say = (v: number) => `${v < 0 ? '减少' : '增加'} ${Math.abs(v)} 人`;
    out.push(
      auditFinding({
        rule: 'packet.narrative.staff',
        key: `reason.${k}`,
        rowKey: 'narrative',
        row: `${e.places.join('、')} ${who}人员增减`,
        expected: String(e.expected),
        actual: String(e.stated),
        message: `${e.places.join('、')}的原因中写${who}人员${say(e.stated)}，第一部分写${who}${say(e.expected)}`,
      }),
    );
  }
  out.push(...bareChangeFindings(ctx, staff));
  // A 绩效 indicator “保障（办公）人员数量 ≥ N 人” against the people the department has.
  const people = actual ?? (active !== undefined ? active + (retired ?? 0) + (veteran ?? 0) : undefined);
  const target = /保障(?:办公)?人员(?:数量|数)(?:[（(]人[）)])?(?:[>≥＞]=?|＞=|不少于)?(\d+)人/.exec(ctx.text(12));
  if (people !== undefined && target && Number(target[1]) > people) {
    out.push(
      auditFinding({
        rule: 'packet.narrative.staff.target',
        key: 'target',
        rowKey: 'narrative.12',
        row: '第三部分十二（四） 绩效指标 保障人员数量',
        expected: `≤${people}`,
        actual: target[1]!,
        message: `第三部分十二（四）绩效指标写保障人员数量 ${target[1]} 人，第一部分实有人数为 ${people} 人`,
      }),
    );
  }
  return out;
}

const changed = (v: number) => (v === 0 ? '持平' : `${v < 0 ? '减少' : '增加'} ${Math.abs(v)} 人`);

/**
 * A change in staff stated without saying whose (“…工商业联合会较上年减少 1 人，相应的公用经费减少”):
 * it must be the change of 在职 staff or of all the staff 第一部分 states. A 提示, since the text
 * may mean people 第一部分 does not count (聘用, 编外); a change said of a named kind of people
 * (在职人员, 聘用人员…) is left to the check above or not checked.
 */
function bareChangeFindings(ctx: AuditContext, staff: Staff): AuditFinding[] {
  const active = staff.activeChange;
  if (active === undefined) return [];
  const all = active + (staff.retiredChange ?? 0) + (staff.veteranChange ?? 0);
  const wrong = new Map<number, string[]>();
  for (let n = 1; n <= 12; n++) {
    const t = ctx.text(n);
    for (const m of t.matchAll(/(?:较|比)上年度?(增加|减少)(\d+)(?:名|人)(?!次)/g)) {
      // “在职人员较上年减少 1 人”, “聘用人员较上年…”, “编制数较上年…”: said of a kind of people, or of posts.
      if (/(?:人员|人数|编制数?|名额)$/.test(t.slice(Math.max(0, m.index - 3), m.index))) continue;
      const stated = Number(m[2]) * (m[1] === '减少' ? -1 : 1);
      if (stated === active || stated === all) continue;
      const places = wrong.get(stated) ?? [];
      if (!places.includes(`第三部分${SECTION[n]}`)) places.push(`第三部分${SECTION[n]}`);
      wrong.set(stated, places);
    }
  }
  return [...wrong].map(([stated, places]) =>
    auditFinding({
      rule: 'packet.narrative.staff',
      severity: 'warning',
      key: `reason.bare|${stated}`,
      rowKey: 'narrative',
      row: `${places.join('、')} 人员增减`,
      expected: String(active),
      actual: String(stated),
      message: `${places.join('、')}写较上年${changed(stated)}（未写明是在职还是退休人员），第一部分写在职人员${changed(active)}${all === active ? '' : `，在职、退休、离休合计${changed(all)}`}，请核对`,
    }),
  );
}
