import { describe, expect, it } from 'vitest';
import { BUILTIN_ECONOMIC, BUILTIN_FUNCTION } from '../../../shared/classification/builtin';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
import { workbookLayout } from '../../../shared/exporters/workbook';
import { CURRENT_VERSION, loadDocument, serializeDocument } from '../../../shared/model';
import { generateNarrative } from '../../../shared/narrative/generate';
import { narrativeInputs, writeInput } from '../../../shared/narrative/inputs';
import { DEFAULT_FORMAT_ID, builtinFormat } from '../../../shared/formats/registry';
import { seededRandom } from '../seeded-random';

/**
 * Proof for issue 10: random documents in the schema's syntax (amounts at and beyond the
 * bound, random decimals, duplicate codes and ids, empty and huge names, random row counts and
 * hierarchy) either open — engine session, checks, narrative, workbook and packet layout, an
 * edit, a save that reopens — or are refused at load with a Chinese message. None throws.
 * `npm test` runs 1,000 documents; FUZZ_FULL=1 runs 5,000.
 */
const ROUNDS = process.env.FUZZ_FULL ? 5000 : 1000;
const SEED = 20261204;


const template = builtinFormat(DEFAULT_FORMAT_ID)!;
const enteredKeys: Record<string, string[]> = { function: [], economic: [], project: [], carryover: [] };
const fixedCells: Array<[string, string, string]> = [];
const allCells: Array<[number, string[]]> = [];
for (const t of template.tables) {
  if (t.kind === 'hier') for (const c of t.columns) if (c.role === 'entered') enteredKeys[t.rowSet]!.push(`${t.no}.${c.no}`);
  if (t.kind === 'fixed') for (const r of t.rows) for (const [col, cell] of Object.entries(r.cells)) if ('entered' in cell) fixedCells.push([String(t.no), r.key, col]);
  allCells.push([t.no, t.columns.map((c) => c.no)]);
}

class Gen {
  /** A hostile document draws amounts at and past the bound often; a plain one rarely. */
  hostile = false;
  constructor(readonly r: () => number) {}
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  digits(n: number): string {
    let s = String(1 + this.int(9));
    for (let i = 1; i < n; i++) s += String(this.int(10));
    return s;
  }
  /** An amount in the schema's syntax `-?\d{1,15}(\.\d{1,6})?`, often at or past the bound. */
  amount(): string {
    const sign = this.chance(0.08) ? '-' : '';
    const decimals = (n: number) => (n === 0 ? '' : `.${Array.from({ length: n }, () => this.int(10)).join('')}`);
    switch (this.int(this.hostile ? 10 : 400)) {
      case 0:
        return this.pick(['999999999.999999', '9999999999999.99', '999999999.99', '1000000000', '10000000000000', '0', '0.000000', '-0']);
      case 1:
        return sign + this.digits(1 + this.int(15)) + decimals(this.int(7));
      case 2:
        return sign + this.digits(9 + this.int(7)) + decimals(this.int(3));
      case 3:
        return `${sign}0${decimals(1 + this.int(6))}`;
      default:
        return sign + this.digits(1 + this.int(7)) + decimals(this.int(3));
    }
  }
  text(): string {
    switch (this.int(8)) {
      case 0:
        return '';
      case 1:
        return '项目'.repeat(1 + this.int(3000));
      case 2:
        return `名称${this.int(100)}/|<b>&"'\u0000\t\n`;
      case 3:
        return 'unit:甲';
      default:
        return this.pick(['行政运行', '机构运行补助经费', '下属学校', '其他支出', 'A', '  ']);
    }
  }
  values(set: string): Record<string, string> {
    const out: Record<string, string> = {};
    const n = this.int(5);
    for (let i = 0; i < n; i++) {
      const key = this.chance(0.9) ? this.pick(enteredKeys[set]!) : this.pick(['2.1', '99.1', '7.1', '11.2', '3.9']);
      out[key] = this.amount();
    }
    return out;
  }
}

const FN = BUILTIN_FUNCTION.filter(([c]) => c.length === 7).map(([c]) => c);
const EC = BUILTIN_ECONOMIC.filter(([c]) => c.length === 5).map(([c]) => c);

function randomDocument(g: Gen): Record<string, unknown> {
  g.hostile = g.chance(0.4);
  const size = g.chance(0.003) ? 1500 : g.int(g.chance(0.5) ? 8 : 60);
  const fnCode = () => (g.chance(0.85) ? g.pick(FN.slice(0, 40 + g.int(FN.length - 40))) : g.digits(7));
  const units = Array.from({ length: g.int(4) }, () => g.text()).filter((u) => !u.startsWith('unit:') || g.chance(0.2));
  const dept = g.chance(0.05) ? '部'.repeat(5000) : g.pick(['测试部门', '某某市财政局', 'A']);
  const unitOf = () => (g.chance(0.5) ? undefined : g.pick([...units, dept, g.text()]));
  const ids = (prefix: string) => (g.chance(0.1) ? `${prefix}${g.int(3)}` : `${prefix}${g.int(1e9)}`);
  const functionRows = Array.from({ length: size }, () => ({
    code: fnCode(),
    ...(g.chance(0.3) ? { name: g.text() } : {}),
    values: g.values('function'),
  }));
  const dedupe = <T extends { code?: string; id?: string }>(rows: T[], key: (r: T) => string): T[] => {
    if (g.chance(0.15)) return rows; // keep any duplicates: they must be refused, not crash
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(key(r)) && seen.add(key(r)) !== undefined);
  };
  const doc: Record<string, unknown> = {
    format: 'budget-desk-document',
    version: CURRENT_VERSION,
    template: DEFAULT_FORMAT_ID,
    department: dept,
    year: 2000 + g.int(40),
    unit: g.chance(0.5) ? '万元' : '元',
    subUnits: units,
    functionRows: dedupe(functionRows, (r) => r.code),
    economicRows: dedupe(
      Array.from({ length: g.int(size + 1) }, () => ({ code: g.chance(0.9) ? g.pick(EC) : g.digits(5), values: g.values('economic') })),
      (r) => r.code,
    ),
    projectRows: dedupe(
      Array.from({ length: g.int(size + 1) }, () => ({
        id: ids('p'),
        code: fnCode(),
        project: g.text(),
        ...(g.chance(0.5) ? { unit: unitOf() ?? '' } : {}),
        values: g.values('project'),
      })).map((p) => (p.unit?.startsWith('unit:') && g.chance(0.8) ? { ...p, unit: '乙' } : p)),
      (r) => r.id,
    ),
    carryoverRows: dedupe(
      Array.from({ length: g.int(6) }, () => ({ id: ids('c'), project: g.text(), ...(g.chance(0.5) ? { unit: '丙' } : {}), values: g.values('carryover') })),
      (r) => r.id,
    ),
  };
  const fixed: Record<string, Record<string, Record<string, string>>> = {};
  for (let i = g.int(8); i > 0; i--) {
    const [t, row, col] = g.pick(fixedCells);
    const table = fixed[t] ?? {};
    fixed[t] = table;
    table[row] = { ...table[row], [col]: g.amount() };
  }
  doc.fixed = fixed;
  const printed: Record<string, string> = {};
  if (g.chance(0.3)) {
    for (let i = g.int(30); i > 0; i--) {
      const [t, cols] = g.pick(allCells);
      const row = g.pick(['total', 'unit', '201', '20103', ...functionRows.map((r) => r.code), 'in.total', 'out.total', 'p:p1', 'x']);
      printed[`${t}|${row}|${g.pick(cols)}`] = g.chance(0.8) ? g.amount().replace(/(\.\d{2})\d+$/, '$1') : g.amount();
    }
  }
  doc.printed = printed;
  doc.priorYear = g.chance(0.5)
    ? { basic: g.amount(), project: g.amount(), income: { gb: g.amount(), [g.text()]: g.amount() }, gbItems: { [fnCode()]: g.amount() }, threePublic: { reception: g.amount() } }
    : {};
  doc.narrative = g.chance(0.5)
    ? { procurement: { goods: g.amount(), works: g.text(), services: g.amount() }, reasons: { basic: g.text() }, overrides: g.chance(0.2) ? { 's1.1': `${g.amount()}万元 ${g.text()}` } : {} }
    : {};
  if (g.chance(0.3)) {
    doc.performanceTargets = {
      overall: { goal: g.text(), superior: g.amount(), own: g.amount(), indicators: [{ level1: g.text(), value: g.text() }] },
      projects: [{ projectId: 'p1', name: g.text(), total: g.amount(), fiscal: g.amount() }],
    };
  }
  if (g.chance(0.3)) doc.names = { [fnCode().slice(0, 3)]: g.text(), [fnCode().slice(0, 5)]: g.text() };
  return doc;
}

/** Everything a user can do with an opened document, none of which may throw. */
function exercise(doc: ReturnType<typeof loadDocument> & { ok: true }, g: Gen, thorough: boolean): void {
  const s = BudgetSession.open(doc.doc);
  s.findings();
  s.counts();
  const n = generateNarrative(s);
  narrativeInputs(s.document, n);
  workbookLayout(s);
  if (thorough) packetHtml(s, { narrative: n });
  // An edit of a random entered cell with a random amount: accepted or refused, and a save reopens.
  const entered: Array<[number, string, string]> = [];
  for (const l of s.layouts) for (const row of l.rows) for (const c of l.template.columns) if (s.role(l.no, row.key, c.no) === 'entered') entered.push([l.no, row.key, c.no]);
  if (entered.length > 0) {
    const [t, row, col] = g.pick(entered);
    const r = s.setCell(t, row, col, g.amount());
    if (!r.ok) expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
  }
  const field = thorough ? narrativeInputs(s.document, n).find((f) => f.kind === 'amount') : undefined;
  if (field) {
    const copy = structuredClone(s.document);
    const w = writeInput(copy, field, g.amount());
    if (w.ok) s.replaceDocument(copy);
    s.findings();
    generateNarrative(s);
  }
  const again = loadDocument(serializeDocument(s.document));
  if (!again.ok) throw new Error(`an edited document no longer opens: ${again.error}`);
}

describe('random schema-shaped documents open or are refused with a Chinese reason (issue 10)', () => {
  it(`${ROUNDS} seeded documents: none throws`, { timeout: 600_000 }, () => {
    const g = new Gen(seededRandom(SEED));
    let opened = 0;
    let refused = 0;
    const failures: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const raw = randomDocument(g);
      const text = JSON.stringify(raw);
      try {
        const r = loadDocument(text);
        if (!r.ok) {
          refused++;
          if (!/^(预算文档内容有误|文件)/.test(r.error) || !/[\u4e00-\u9fff]/.test(r.error)) failures.push(`#${i} refused without a Chinese reason: ${r.error}`);
          continue;
        }
        exercise(r, g, i % 8 === 0);
        opened++;
      } catch (e) {
        failures.push(`#${i} threw: ${e instanceof Error ? (e.stack ?? e.message).slice(0, 400) : String(e)}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // Both outcomes are exercised: the generator is not trivially valid or trivially broken.
    expect(opened).toBeGreaterThan(ROUNDS * 0.2);
    expect(refused).toBeGreaterThan(ROUNDS * 0.2);
    console.log(`document fuzz: ${ROUNDS} documents, ${opened} opened, ${refused} refused`);
  });
});
