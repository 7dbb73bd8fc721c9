import type { BudgetDocument } from '../../model';
import { ASSET_KEYS, PERFORMANCE_KEYS } from '../../narrative/keys';
import { ITEM_NUMERAL } from '../../narrative/sections/common';
import { FUNCTION_CLASSES } from '../../templates/budget-2024';
import { functionCodeByNames } from '../function-code-by-names';
import { flatAsZeroChange } from './flat-wording';
import { type SourceLine, squash } from './lines';
import { isPageNumberLine } from './page-number';
import { readPerformanceTargets } from './performance';
import type { PacketSegments } from './segment';
import { centsText, looseCents } from './tokens';
import type { ImportWarning } from './warnings';

/**
 * What part 1 and part 3 say, in the document's terms: the profile, reasons, purposes,
 * project descriptions, procurement, assets, performance counts, and last year's budget
 * derived from each “比上年预算增加/减少 X 万元” (last year = this year ∓ X).
 */
export interface NarrativeReading {
  projectText(project: string): string | undefined;
  fill(doc: BudgetDocument): void;
}

/**
 * A number as the narrative writes it. It starts where a run of digits starts and is at most 25
 * characters long, so no regex here rescans a long run of digits from every position in it.
 */
export const NUM = '(?<![\\d,])(-?\\d[\\d,]{0,24}(?:\\.\\d{1,8})?)';
/** A printed figure before 万元 etc., bounded the same way. */
const FIGURE = '(?<![\\d,.])([\\d,.]{1,25})';
const CN_SECTION = /^([一二三四五六七八九十]{1,3})、/;
/** “（一百一十三）”, “（113）”: an item's number starts a paragraph, past 99 too. */
const ITEM_START = new RegExp(`^[（(](?:${ITEM_NUMERAL}|\\d{1,5})[）)]`);
const CN_DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** Join wrapped lines (PDF text breaks sentences anywhere) and drop page numbers. */
function joinText(lines: readonly SourceLine[]): string[] {
  const paras: string[] = [];
  let cur = '';
  for (const l of lines) {
    const t = l.text;
    // Page numbers of a PDF fall inside sentences (“与上年预— 21 —算持平”).
    if (t === '' || isPageNumberLine(t)) continue;
    const startsNew = CN_SECTION.test(t) || /^[\u4e00-\u9fff]{2,12}[:：]/.test(t) || ITEM_START.test(t) || /^\d+[、．]|^\d+\.(?!\d)/.test(t) || /^-\s/.test(t);
    if (startsNew && cur) {
      paras.push(cur);
      cur = '';
    }
    cur += t;
    // A short numbered heading stands alone.
    if (/[。]$/.test(t) || (startsNew && t.length <= 24 && !/[，。]/.test(t) && cur === t)) {
      paras.push(cur);
      cur = '';
    }
  }
  if (cur) paras.push(cur);
  // `(?<!\s)`: a run of spaces is tried once, from its start, not from every space in it.
  return paras.map((p) => p.replace(/(?<=[\u4e00-\u9fff\d%，。、；：（）])\s+|(?<!\s)\s+(?=[\u4e00-\u9fff，。、；：（）])/g, ''));
}

/** Paragraphs of part 3 grouped by section number (1–12). */
function sections(paras: readonly string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  let cur = 0;
  for (const p of paras) {
    const m = CN_SECTION.exec(p);
    if (m && /关于|其他重要事项|情况说明/.test(p.slice(0, 60))) {
      const n = CN_DIGITS.indexOf(m[1]!) + 1;
      if (n > 0) cur = n;
    }
    const list = out.get(cur) ?? [];
    list.push(p);
    out.set(cur, list);
  }
  return out;
}

function cents(text: string | undefined): number | null {
  return text === undefined ? null : looseCents(text);
}

interface Change {
  subject: string;
  amount: number;
  change: number;
  reason?: string;
}

/** Every “<subject> N 万元，…比上年预算增加/减少 X 万元…主要原因是 R” in a text. */
function changes(text: string): Change[] {
  if (!text.includes('比上年')) return [];
  const re = new RegExp(
    `([^，。；：,;:]{1,40}?)[:：]?(?:\\d{4}年预算数为)?${NUM}万元[，,](?:占${NUM}%[，,])?比上年(?:预算)?(增加|减少|增长|下降)${NUM}万元([^。]*。?(?:主要原因[^。]*。?)?)`,
    'g',
  );
  const out: Change[] = [];
  for (const m of text.matchAll(re)) {
    const amount = cents(m[2]);
    const delta = cents(m[5]);
    if (amount === null || delta === null) continue;
    const sign = m[4] === '减少' || m[4] === '下降' ? -1 : 1;
    const c: Change = { subject: m[1]!, amount, change: sign * delta };
    const tail = m[6] ?? '';
    const r = /主要原因(?:是|为)?[:：]?(.+?)[。]?$/.exec(tail);
    if (r) c.reason = r[1]!.replace(/[。；;，,]$/, '');
    out.push(c);
  }
  return out;
}

/** How section 二 names each income source (most specific first) → the source id of shared/narrative/keys.ts. */
export const INCOME: ReadonlyArray<[RegExp, string]> = [
  [/上级一般公共预算/, 'gbTransfer'],
  [/上级政府性基金/, 'fundTransfer'],
  [/上级国有资本/, 'soeTransfer'],
  [/一般公共预算/, 'gb'],
  [/政府性基金/, 'fund'],
  [/国有资本经营/, 'soe'],
  [/财政专户/, 'special'],
  [/非财政拨款结转/, 'carryNonFiscal'],
  [/财政拨款结转/, 'carryFiscal'],
  [/单位资金|其他资金/, 'unit'],
];

const THREE_PUBLIC: ReadonlyArray<[RegExp, string]> = [
  [/因公出国/, 'abroad'],
  [/公务用车购置及运行/, 'vehicles'],
  [/公务用车购置费/, 'vehicle.purchase'],
  [/公务用车运行(维护)?费/, 'vehicle.running'],
  [/公务接待费/, 'reception'],
];

export function readNarrative(seg: PacketSegments, department: string, warn: (w: ImportWarning) => void): NarrativeReading {
  const part3 = joinText(seg.part3).map(flatAsZeroChange);
  const bySection = sections(part3);
  const sec = (n: number) => (bySection.get(n) ?? []).join('\n');
  const part1 = joinText(seg.part1);

  // Section 七: project descriptions.
  const projects = new Map<string, Record<string, string>>();
  {
    let cur: Record<string, string> | undefined;
    for (const p of bySection.get(7) ?? []) {
      const name = /项目名称[:：](.+)$/.exec(p);
      if (name) {
        cur = {};
        projects.set(squash(name[1]!), cur);
        continue;
      }
      if (!cur) continue;
      const field: Array<[RegExp, string]> = [
        [/^(?:设立的)?政策依据[:：]/, 'basis'],
        [/^预算安排规模[:：]/, 'scale'],
        [/^项目承担单位[:：]/, 'undertaker'],
        [/^资金分配情况[:：]/, 'allocation'],
        [/^(?:资金)?执行时间[:：]/, 'period'],
      ];
      const f = field.find(([re]) => re.test(p));
      if (f) cur[f[1]] = p.replace(f[0], '').trim();
    }
  }

  return {
    projectText(project) {
      return projects.get(squash(project))?.allocation;
    },
    fill(doc) {
      const n = doc.narrative;
      const prior = doc.priorYear;
      const setPrior = (amount: number, change: number) => centsText(amount - change);

      // Part 1.
      const f = part1.findIndex((p) => /主要职能/.test(p.slice(0, 12)));
      const o = part1.findIndex((p) => /机构设置/.test(p.slice(0, 12)));
      if (f >= 0) doc.profile.functions = part1.slice(f + 1, o > f ? o : undefined).join('\n');
      // Part 1 of a packet is a page or two: a longer text is not read beyond that.
      const org = o >= 0 ? part1.slice(o + 1).join('').slice(0, 20_000) : '';
      const offices = /下设\s{0,4}\d{1,4}\s{0,4}个(?:科室|处室|内设机构|股室)[^：:。]{0,40}[:：]([^。]{1,1000})。/.exec(org);
      if (offices) doc.profile.offices = offices[1]!.split(/[、，,]/).map((s) => s.trim()).filter(Boolean);
      const sub = /下属(?:预算)?单位[^：:。]{0,40}[:：]([^。]{1,2000})。/.exec(org);
      if (sub && !/无下属/.test(org)) for (const u of sub[1]!.split(/[、，,]/).map((s) => s.trim()).filter(Boolean)) if (!doc.subUnits.includes(u)) doc.subUnits.push(u);
      const staff = doc.profile.staff;
      const count = (re: RegExp) => {
        const m = re.exec(org);
        return m ? Number(m[1]) : undefined;
      };
      const change = (word: string) => {
        const m = new RegExp(`${word}\\s{0,4}(\\d{1,7})\\s{0,4}人[，,]?\\s{0,4}(增加|减少)\\s{0,4}(\\d{1,7})\\s{0,4}人`).exec(org);
        return m ? { n: Number(m[1]), d: Number(m[3]) * (m[2] === '减少' ? -1 : 1) } : undefined;
      };
      const put = (key: keyof typeof staff, v: number | undefined) => {
        if (v !== undefined && Number.isSafeInteger(v) && Math.abs(v) <= 1_000_000) staff[key] = v;
      };
      put('authorized', count(/编制数\s{0,4}(\d{1,7})/));
      put('actual', count(/实有人数\s{0,4}(\d{1,7})/));
      const a = change('在职');
      const r = change('退休');
      const v = change('离休');
      put('active', a?.n);
      put('activeChange', a?.d);
      put('retired', r?.n);
      put('retiredChange', r?.d);
      put('veteran', v?.n);
      put('veteranChange', v?.d);

      // Printed narrative by section, for audit and for the next year's draft.
      for (const [k, paras] of bySection) if (k > 0) n.printed[String(k)] = paras.join('\n');

      // 二: income sources.
      for (const c of changes(sec(2))) {
        const key = INCOME.find(([re]) => re.test(c.subject))?.[1];
        if (!key) continue;
        prior.income[key] ??= setPrior(c.amount, c.change);
        if (c.reason) n.reasons[`income.${key}`] ??= c.reason;
      }
      // 三: basic / project (all sources); 五（一）: the general budget's.
      const basicProject = (text: string, basicKey: 'basic' | 'gbBasic', projectKey: 'project' | 'gbProject', reasonPrefix: string) => {
        for (const c of changes(text)) {
          const k = /基本支出/.test(c.subject) ? basicKey : /项目支出/.test(c.subject) ? projectKey : undefined;
          if (!k || prior[k] !== undefined) continue;
          prior[k] = setPrior(c.amount, c.change);
          if (c.reason) n.reasons[`${reasonPrefix}${k === basicKey ? 'basic' : 'project'}`] ??= c.reason;
        }
      };
      basicProject(sec(3), 'basic', 'project', '');
      const s5 = bySection.get(5) ?? [];
      const s5items = s5.findIndex((p) => /具体使用情况/.test(p));
      basicProject((s5items > 0 ? s5.slice(0, s5items) : s5).join('\n'), 'gbBasic', 'gbProject', 'gb.');
      // 五（三）: each general-budget 项, named “类（类）款（款）项（项）”.
      for (const p of s5items >= 0 ? s5.slice(s5items + 1) : []) {
        const m = /^(?:\d{1,3}[、.．])?(.{1,60}?)（类）(.{1,60}?)（款）(.{1,60}?)（项）/.exec(p);
        if (!m) continue;
        const code = functionCodeByNames(doc, m[1]!, m[2]!, m[3]!);
        const c = changes(p.replace(m[0], '项'))[0];
        if (!code) {
          warn({ message: `第三部分五（三）“${m[3]}（项）”在表中找不到对应科目，未取其上年数` });
          continue;
        }
        if (!c) continue;
        prior.gbItems[code] ??= setPrior(c.amount, c.change);
        if (c.reason) n.reasons[`gb.${code}`] ??= c.reason;
      }
      // 四: purposes per 类.
      for (const m of sec(4).matchAll(new RegExp(`([^，。；：、:;]{1,60}?支出)\\s{0,4}${FIGURE}\\s{0,4}万元[，,]\\s{0,4}主要用于([^；;。]+)`, 'g'))) {
        const cls = FUNCTION_CLASSES.find(([, name]) => squash(m[1]!).endsWith(name));
        if (cls) n.purposes[cls[0]] ??= m[3]!;
      }
      // 十: 三公 — the total's change, then each item's change; this year's amounts from table 10.
      const s10 = sec(10);
      const total3 = new RegExp(`“?三公”?经费(?:预算数为|预算)?${NUM}万元`).exec(s10);
      const change3 = new RegExp(`“?三公”?经费预算比上年(?:预算)?(增加|减少)${FIGURE}万元`).exec(s10);
      const t10 = (key: string) => {
        const v = doc.fixed['10']?.[key]?.['2'];
        const p = doc.printed[`10|${key}|1`] ?? doc.printed[`10|${key}|2`];
        const text = doc.fixed['10']?.[key] ? Object.values(doc.fixed['10'][key]!).reduce((s, x) => s + (looseCents(x) ?? 0), 0) : null;
        return text ?? (p !== undefined ? looseCents(p) : v !== undefined ? looseCents(v) : null);
      };
      if (total3 && change3) {
        const amount = cents(total3[1]);
        const d = cents(change3[2]);
        if (amount !== null && d !== null) prior.threePublic.total ??= setPrior(amount, change3[1] === '减少' ? -d : d);
      }
      for (const m of s10.matchAll(new RegExp(`(因公出国（境）费|因公出国\\(境\\)费|公务用车购置及运行(?:维护)?费|公务用车购置费|公务用车运行(?:维护)?费|公务接待费)(增加|减少)${FIGURE}万元([^；;。]*)`, 'g'))) {
        const key = THREE_PUBLIC.find(([re]) => re.test(m[1]!))?.[1];
        const d = cents(m[3]);
        if (!key || d === null) continue;
        const now = t10(key) ?? 0;
        prior.threePublic[key] ??= centsText(now - (m[2] === '减少' ? -d : d));
        const reason = /主要原因(?:是|为)?(.+)$/.exec(m[4] ?? '');
        if (reason) n.reasons[`3p.${key}`] ??= reason[1]!;
      }
      // 十二（一）: 机关运行经费.
      const s12 = sec(12);
      const run = new RegExp(`机关运行经费(?:财政拨款)?(?:预算)?(?:为)?${NUM}万元[，,]比上年(?:预算)?(增加|减少)${NUM}万元[^。]{0,300}。?(?:主要原因(?:是|为)?([^。]{1,2000}))?`).exec(s12);
      if (run) {
        const amount = cents(run[1]);
        const d = cents(run[3]);
        if (amount !== null && d !== null) prior.runningCosts = setPrior(amount, run[2] === '减少' ? -d : d);
        if (run[4]) n.reasons.running = run[4];
      }
      // 十二（二）: 政府采购.
      const proc: Array<[string, RegExp]> = [
        ['goods', new RegExp(`货物(?:类)?预算(?:为)?${NUM}万元`)],
        ['works', new RegExp(`工程(?:类)?预算(?:为)?${NUM}万元`)],
        ['services', new RegExp(`服务(?:类)?预算(?:为)?${NUM}万元`)],
        ['sme', new RegExp(`面向中小企业预留政府采购项目预算(?:金额)?${NUM}万元`)],
        ['micro', new RegExp(`小微企业预留政府采购项目预算(?:金额)?${NUM}万元`)],
      ];
      for (const [k, re] of proc) {
        const m = re.exec(s12);
        const c = m ? cents(m[1]) : null;
        if (c !== null) n.procurement[k] = centsText(c);
      }
      // 十二（三）: 国有资产 (kept as printed figures).
      const assets: Array<[string, RegExp]> = [
        [ASSET_KEYS.buildingArea, /房屋([\d,.]{1,25})平方米/],
        [ASSET_KEYS.buildingValue, /房屋[\d,.]{1,25}平方米[，,]价值([\d,.]{1,25})万元/],
        [ASSET_KEYS.generalCount, /一般公务用车(\d{1,9})辆/],
        [ASSET_KEYS.generalValue, /一般公务用车\d{1,9}辆[，,]价值([\d,.]{1,25})万元/],
        [ASSET_KEYS.enforcementCount, /执法执勤用车(\d{1,9})辆/],
        [ASSET_KEYS.enforcementValue, /执法执勤用车\d{1,9}辆[，,]价值([\d,.]{1,25})万元/],
        [ASSET_KEYS.otherVehicleCount, /其他车辆(\d{1,9})辆/],
        [ASSET_KEYS.otherVehicleValue, /其他车辆\d{1,9}辆[，,]价值([\d,.]{1,25})万元/],
        [ASSET_KEYS.furnitureValue, /办公家具价值([\d,.]{1,25})万元/],
        [ASSET_KEYS.otherAssetsValue, /其他资产价值([\d,.]{1,25})万元/],
        [ASSET_KEYS.equipment50, /(?<!安排购置)(?<!\d)50万元以上(?:大型)?设备(\d{1,9})台/],
        [ASSET_KEYS.equipment100, /100万元以上(?:大型)?设备(\d{1,9})台/],
        [ASSET_KEYS.planEquipment50, /安排购置(?:单位价值)?50万元以上(?:大型)?设备(\d{1,9})台/],
        [ASSET_KEYS.planEquipment100, /安排购置[^。]{0,200}?100万元以上(?:大型)?设备(\d{1,9})台/],
      ];
      for (const [k, re] of assets) {
        const m = re.exec(s12);
        const v = m ? (m[1] ?? m[2]) : undefined;
        if (v) n.assets[k] = v.replace(/,/g, '');
      }
      // 十二（四）: 绩效 counts.
      const perf: Array<[string, RegExp]> = [
        [PERFORMANCE_KEYS.overallCount, /整体(?:预算)?绩效目标(\d{1,9})个/],
        [PERFORMANCE_KEYS.fiscalCount, /当年财政拨款项目(\d{1,9})个/],
        [PERFORMANCE_KEYS.nonFiscalCount, /当年非财政拨款项目(\d{1,9})个/],
      ];
      for (const [k, re] of perf) {
        const m = re.exec(s12);
        if (m) n.performance[k] = m[1]!.replace(/,/g, '');
      }
      // 七: project descriptions, keyed by the table-7 project they describe.
      // The first table-7 row of each name, found once (not every row squashed again for each project).
      const rowByName = new Map<string, BudgetDocument['projectRows'][number]>();
      for (const p of doc.projectRows) {
        const k = squash(p.project);
        if (!rowByName.has(k)) rowByName.set(k, p);
      }
      for (const [name, info] of projects) {
        const row = rowByName.get(name);
        const key = row ? row.id : name;
        if (!row) warn({ message: `第三部分七的项目“${name}”不在表7 中` });
        n.projects[key] = info;
      }
      // 十一: what each carried-over project is for.
      for (const p of bySection.get(11) ?? []) {
        const m = new RegExp(`^\\d{1,4}\\s{0,4}[．.、]\\s{0,4}(.{1,200}?)\\s{0,4}${FIGURE}\\s{0,4}万元[，,]\\s{0,4}主要用于(.+?)[。；;]?$`).exec(p);
        if (!m) continue;
        const name = squash(m[1]!);
        const row = doc.carryoverRows.find((c) => squash(c.project) === name);
        if (!row) warn({ message: `第三部分十一的结转项目“${m[1]}”不在表11 中` });
        n.carryoverPurposes[row ? row.id : m[1]!.trim()] = m[3]!.trim();
      }
      // 十二（五）: other matters, as written.
      const other = /[（(]五[）)]\s*其他需说明的事项\s*\n?([\s\S]+)$/.exec(sec(12));
      if (other?.[1]?.trim()) n.reasons.other = other[1].trim();
      readPerformanceTargets(seg.part3, doc, warn);
      // 名词解释.
      const glossary: Array<{ term: string; definition: string }> = [];
      for (const p of joinText(seg.part4)) {
        const m = /^[一二三四五六七八九十]{1,3}、\s{0,4}\**([^*:：]{1,100}?)\**\s{0,4}[:：](.+)$/.exec(p);
        if (m) glossary.push({ term: m[1]!.trim(), definition: m[2]!.trim() });
      }
      if (glossary.length > 0) doc.glossary = glossary;
      void department;
    },
  };
}

