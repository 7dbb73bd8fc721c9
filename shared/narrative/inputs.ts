import type { BudgetDocument } from '../model';
import { formatExact, parseBoundedAmount } from '../money';
import { ASSET_KEYS, INCOME_SOURCES, PERFORMANCE_KEYS, THREE_PUBLIC_LINES } from './keys';
import { finalAccountsInputs } from './inputs-final-accounts';
import { shanghaiInputs } from './inputs-shanghai';
import type { Narrative } from './types';

/**
 * The fields the accountant fills in for 第三部分, placed under the paragraph they feed.
 * The generated text is never edited: these fields (and the tables) are its only inputs.
 */
export type InputKind = 'amount' | 'count' | 'text' | 'longtext' | 'lines';

/**
 * Where a field lives: `doc[root][record][key]`, or `doc[root][key]` without a record; projects add
 * `field`. A `lines` field is a list of names (`narrative.projectNotes`), typed one per line.
 */
export interface InputPath {
  root: 'priorYear' | 'narrative' | 'initialBudget';
  record?: string;
  key: string;
  field?: ProjectField;
}

/** A field's place as a missing input names it: `priorYear.income.fiscal`, `narrative.projects.s6.basis`. */
export function inputPathText(p: InputPath): string {
  return [p.root, p.record, p.key, p.field].filter((x) => x !== undefined).join('.');
}

export type ProjectField = 'basis' | 'allocation' | 'undertaker' | 'period' | 'overview' | 'plan' | 'budget' | 'targets';

export interface InputField {
  paragraph: string;
  path: InputPath;
  label: string;
  kind: InputKind;
  value: string;
}

export function readInput(doc: BudgetDocument, p: InputPath): string {
  const root = (doc[p.root] ?? {}) as unknown as Record<string, unknown>;
  const holder = p.record ? (root[p.record] as Record<string, unknown> | undefined) : root;
  const v = holder?.[p.key];
  if (p.field) return ((v as Record<string, string> | undefined)?.[p.field] ?? '').toString();
  if (Array.isArray(v)) return v.join('\n');
  return typeof v === 'string' ? v : '';
}

/**
 * Set a field on a copy-in-progress of the document (the caller's undoable update). Amounts are
 * checked and stored exactly in the document's unit; a refusal says why, in Chinese.
 */
export function writeInput(doc: BudgetDocument, f: Pick<InputField, 'path' | 'kind' | 'label'>, text: string): { ok: true } | { ok: false; reason: string } {
  const p = f.path;
  let value = text.trim();
  if (f.kind === 'amount' && value !== '') {
    const r = parseBoundedAmount(value, doc.unit);
    if (!r.ok) return { ok: false, reason: `${f.label}：${r.reason}` };
    value = formatExact(r.fen, doc.unit);
  }
  if (f.kind === 'count' && value !== '' && !/^\d+$/.test(value.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)))) {
    return { ok: false, reason: `${f.label}：“${text}”应为不小于 0 的整数` };
  }
  if (f.kind === 'lines') return writeNameList(doc, p, text);
  if (p.root === 'initialBudget') doc.initialBudget ??= { totals: {}, gbItems: {}, fundItems: {}, soeItems: {} };
  const root = doc[p.root] as unknown as Record<string, unknown>;
  let holder = root;
  if (p.record) {
    holder = (root[p.record] as Record<string, unknown> | undefined) ?? {};
    root[p.record] = holder;
  }
  if (p.field) {
    const obj = (holder[p.key] as Record<string, string> | undefined) ?? {};
    if (value === '') delete obj[p.field];
    else obj[p.field] = value;
    holder[p.key] = obj;
  } else if (value === '') delete holder[p.key];
  else holder[p.key] = value;
  return { ok: true };
}

/**
 * A list of project names, one per line (blank lines and repeats dropped). Renaming one name in
 * place carries its text (`narrative.projects[name]`) to the new name, so nothing typed is lost.
 */
function writeNameList(doc: BudgetDocument, p: InputPath, text: string): { ok: true } | { ok: false; reason: string } {
  if (p.root !== 'narrative' || p.key !== 'projectNotes') return { ok: false, reason: '无法写入该项目名称列表' };
  const names = [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
  const before = doc.narrative.projectNotes;
  const projects = doc.narrative.projects;
  if (names.length === before.length) {
    const changed = names.flatMap((n, i) => (n !== before[i] ? [i] : []));
    if (changed.length === 1) {
      const [from, to] = [before[changed[0]!]!, names[changed[0]!]!];
      if (projects[from] && !projects[to] && !names.includes(from)) {
        projects[to] = projects[from]!;
        delete projects[from];
      }
    }
  }
  doc.narrative.projectNotes = names;
  return { ok: true };
}

function field(doc: BudgetDocument, paragraph: string, path: InputPath, label: string, kind: InputKind): InputField {
  return { paragraph, path, label, kind, value: readInput(doc, path) };
}

/** Every input field, for the paragraphs the narrative has now (rows with money decide which). */
export function narrativeInputs(doc: BudgetDocument, n: Narrative): InputField[] {
  const out: InputField[] = [];
  const prior = (paragraph: string, key: string, label: string, record?: string) =>
    out.push(field(doc, paragraph, record ? { root: 'priorYear', record, key } : { root: 'priorYear', key }, `${label}上年预算数（${doc.unit}）`, 'amount'));
  const reason = (paragraph: string, key: string, label: string) =>
    out.push(field(doc, paragraph, { root: 'narrative', record: 'reasons', key }, `${label}增减的主要原因`, 'text'));
  const add = (paragraph: string, path: InputPath, label: string, kind: InputKind) => out.push(field(doc, paragraph, path, label, kind));
  for (const s of n.sections) {
    for (const p of s.paragraphs) {
      const id = p.id;
      // The Shanghai and 决算 texts' paragraphs are `sh…` and `fa…`: asked only about theirs (tens of thousands of 项 and project paragraphs are neither).
      if ((id.startsWith('sh') && shanghaiInputs(doc, id, add)) || (id.startsWith('fa') && finalAccountsInputs(doc, id, add))) continue;
      const [, a, b] = id.split('.');
      if (s.id === 's2' && a === 'income' && b) {
        const src = INCOME_SOURCES.find((x) => x.id === b)!;
        prior(id, b, src.name, 'income');
        reason(id, `income.${b}`, src.name);
      } else if (s.id === 's3' && (a === 'basic' || a === 'project')) {
        prior(id, a, a === 'basic' ? '基本支出' : '项目支出');
        reason(id, a, a === 'basic' ? '基本支出' : '项目支出');
      } else if (s.id === 's4' && a === 'spend') {
        for (const code of classCodes(p)) out.push(field(doc, id, { root: 'narrative', record: 'purposes', key: code }, `${code} 主要用于`, 'text'));
      } else if (s.id === 's5' && a === '1' && (b === 'basic' || b === 'project')) {
        prior(id, b === 'basic' ? 'gbBasic' : 'gbProject', `一般公共预算${b === 'basic' ? '基本支出' : '项目支出'}`);
        reason(id, `gb.${b}`, `一般公共预算${b === 'basic' ? '基本支出' : '项目支出'}`);
      } else if (s.id === 's5' && a === '3' && b && /^\d{7}$/.test(b)) {
        prior(id, b, b, 'gbItems');
        reason(id, `gb.${b}`, b);
      } else if (s.id === 's7' && id.endsWith('.name')) {
        const key = id.slice('s7.p:'.length, -'.name'.length);
        const projects = doc.narrative.projects;
        const name = String(p.runs[0] ?? '').replace(/^（.+?）项目名称：/u, '');
        const k = projects[key] ? key : projects[name] ? name : key;
        for (const [f, label] of [
          ['basis', '设立的政策依据'],
          ['allocation', '资金分配情况'],
          ['undertaker', '项目承担单位（空则为本部门）'],
          ['period', '资金执行时间（空则为全年）'],
        ] as const) {
          out.push(field(doc, id, { root: 'narrative', record: 'projects', key: k, field: f }, `${name}：${label}`, f === 'basis' || f === 'allocation' ? 'longtext' : 'text'));
        }
      } else if ((s.id === 's8' || s.id === 's9') && /^\d{3}$/.test(a ?? '')) {
        out.push(field(doc, id, { root: 'narrative', record: 'purposes', key: a! }, `${a} 主要用于`, 'text'));
      } else if (id === 's10.change') {
        prior(id, 'total', '“三公”经费合计', 'threePublic');
        for (const l of THREE_PUBLIC_LINES) {
          prior(id, l.key, l.name, 'threePublic');
          reason(id, `3p.${l.key}`, l.name);
        }
      } else if (s.id === 's11' && a?.startsWith('c:')) {
        const cid = id.slice('s11.c:'.length);
        const name = String(p.runs[0] ?? '').replace(/^\d+\.\s*/u, '');
        const key = doc.narrative.carryoverPurposes[cid] !== undefined ? cid : doc.narrative.carryoverPurposes[name] !== undefined ? name : cid;
        out.push(field(doc, id, { root: 'narrative', record: 'carryoverPurposes', key }, `${name} 主要用于`, 'text'));
      } else if (id === 's12.1.text') {
        prior(id, 'runningCosts', '机关运行经费');
        reason(id, 'running', '机关运行经费');
      } else if (id === 's12.2.total' || id === 's12.2.sme') {
        const keys = id === 's12.2.total' ? ['goods', 'works', 'services'] : ['sme', 'micro'];
        const labels: Record<string, string> = { goods: '政府采购货物预算', works: '政府采购工程预算', services: '政府采购服务预算', sme: '面向中小企业预留金额', micro: '其中小微企业预留金额' };
        for (const k of keys) out.push(field(doc, id, { root: 'narrative', record: 'procurement', key: k }, `${labels[k]}（${doc.unit}）`, 'amount'));
        if (id === 's12.2.total' && !keys.some((k) => readInput(doc, { root: 'narrative', record: 'procurement', key: k }))) {
          for (const k of ['sme', 'micro']) out.push(field(doc, id, { root: 'narrative', record: 'procurement', key: k }, `${labels[k]}（${doc.unit}）`, 'amount'));
        }
      } else if (id === 's12.3.intro') {
        for (const [k, label, kind] of ASSET_FIELDS) out.push(field(doc, id, { root: 'narrative', record: 'assets', key: k }, label.replace('（万元）', `（${doc.unit}）`), kind));
      } else if (id === 's12.4.text') {
        for (const [k, label] of [
          [PERFORMANCE_KEYS.overallCount, '整体绩效目标个数（空则为 1）'],
          [PERFORMANCE_KEYS.fiscalCount, '当年财政拨款项目个数（空则为表7 项目数）'],
          [PERFORMANCE_KEYS.nonFiscalCount, '当年非财政拨款项目个数'],
        ] as const) {
          out.push(field(doc, id, { root: 'narrative', record: 'performance', key: k }, label, 'count'));
        }
      } else if (id === 's12.5.text') {
        out.push(field(doc, id, { root: 'narrative', record: 'reasons', key: 'other' }, '其他需说明的事项（空则为“本部门无其他需说明事项。”）', 'longtext'));
      }
    }
  }
  return out;
}

const ASSET_FIELDS: ReadonlyArray<readonly [string, string, InputKind]> = [
  [ASSET_KEYS.buildingArea, '房屋面积（平方米）', 'text'],
  [ASSET_KEYS.buildingValue, '房屋价值（万元）', 'amount'],
  [ASSET_KEYS.generalCount, '一般公务用车（辆）', 'count'],
  [ASSET_KEYS.generalValue, '一般公务用车价值（万元）', 'amount'],
  [ASSET_KEYS.enforcementCount, '执法执勤用车（辆）', 'count'],
  [ASSET_KEYS.enforcementValue, '执法执勤用车价值（万元）', 'amount'],
  [ASSET_KEYS.otherVehicleCount, '其他车辆（辆）', 'count'],
  [ASSET_KEYS.otherVehicleValue, '其他车辆价值（万元）', 'amount'],
  [ASSET_KEYS.furnitureValue, '办公家具价值（万元）', 'amount'],
  [ASSET_KEYS.otherAssetsValue, '其他资产价值（万元）', 'amount'],
  [ASSET_KEYS.equipment50, '单位价值50万元以上大型设备（台）', 'count'],
  [ASSET_KEYS.equipment100, '单位价值100万元以上大型设备（台）', 'count'],
  [ASSET_KEYS.planVehicles, '本年购置车辆安排（空则为“未安排购置车辆经费”）', 'text'],
  [ASSET_KEYS.planEquipment50, '本年安排购置50万元以上大型设备（台）', 'count'],
  [ASSET_KEYS.planEquipment100, '本年安排购置100万元以上大型设备（台）', 'count'],
];

/** 类 codes a 四 paragraph names, read from its amount tokens' cells (`4|out.201|3`). */
function classCodes(p: Narrative['sections'][number]['paragraphs'][number]): string[] {
  const codes: string[] = [];
  for (const r of p.generated ?? p.runs) {
    if (typeof r !== 'string' && r.source.kind === 'cell') {
      const m = /^4\|out\.(\d{3})\|/.exec(r.source.cell);
      if (m) codes.push(m[1]!);
    }
  }
  return codes;
}
