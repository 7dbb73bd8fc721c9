import { BUILTIN_LIST } from '../classification/names';
import { type BudgetDocument, CURRENT_VERSION, documentSchema } from '../model';

/**
 * A deterministic, internally consistent department of any size, for scale tests and the
 * benchmark. `items` = function 项 rows + project rows + economic 款 rows. Amounts are whole
 * hundredths of 万元 so every identity holds exactly (no rounding findings). With `unit: '元'` the
 * same department is entered in 元, each amount with up to 99 元 more, finer than 0.01 万元: the
 * identities still hold exactly and the 万元 tables need a tie-out.
 */
export function syntheticDocument(items: number, options: { unit?: '万元' | '元' } = {}): BudgetDocument {
  if (!Number.isInteger(items) || items < 2) throw new RangeError('syntheticDocument: items 至少为 2');
  const rand = lcg(items);
  const yuan = options.unit === '元';
  // The 元 below 0.01 万元 come from a generator of their own: the 万元 department stays the same.
  const finer = lcg(items + 1);
  /** An amount drawn in hundredths of 万元, in the document's own steps (元 when entered in 元). */
  const inSteps = (h: number) => (yuan && h > 0 ? h * 100 + finer(100) : h);
  const text = yuan ? (n: number) => `${n}.00` : wan;
  const economicCount = Math.min(60, Math.max(1, Math.floor(items * 0.05)));
  const functionCount = Math.max(1, Math.floor((items - economicCount) * 0.4));
  const projectCount = items - economicCount - functionCount;

  const subUnits = ['第一分中心', '第二分中心', '信息中心'];
  const names: Record<string, string> = {};
  const fnCodes = functionCodes(functionCount);
  for (const c of fnCodes) {
    for (const k of [c.slice(0, 3), c.slice(0, 5)]) {
      if (!BUILTIN_LIST.function.has(k) && !names[k]) names[k] = k.length === 3 ? `合成类${k}` : `合成款${k}`;
    }
  }

  // Hundredths of 万元 (1 = 0.01 万元), or 元.
  const basic = fnCodes.map((_, i) => (i % 3 === 2 ? 0 : inSteps(100 + rand(500_000))));
  const projectSum = fnCodes.map(() => 0);
  const projectRows: BudgetDocument['projectRows'] = [];
  for (let p = 0; p < projectCount; p++) {
    const fi = p % fnCodes.length;
    const goods = inSteps(100 + rand(200_000));
    const capital = p % 4 === 0 ? inSteps(rand(100_000)) : 0;
    projectSum[fi]! += goods + capital;
    const values: Record<string, string> = { '7.3': text(goods) };
    if (capital) values['7.7'] = text(capital);
    const row: BudgetDocument['projectRows'][number] = { id: `s${p + 1}`, code: fnCodes[fi]!, project: `合成项目${p + 1}`, values };
    if (p % 5 === 4) row.unit = subUnits[p % subUnits.length];
    projectRows.push(row);
  }
  // A 项 with neither basic nor project money would not be a budget line: give it basic money.
  fnCodes.forEach((_, i) => {
    if (basic[i] === 0 && projectSum[i] === 0) basic[i] = inSteps(100 + rand(1000));
  });

  const functionRows: BudgetDocument['functionRows'] = fnCodes.map((code, i) => {
    const b = basic[i]!;
    const pr = projectSum[i]!;
    const values: Record<string, string> = { '2.3': text(b + pr) };
    if (b) {
      values['3.2'] = text(b);
      values['5.2'] = text(b);
    }
    if (pr) {
      values['3.3'] = text(pr);
      values['5.3'] = text(pr);
    }
    const row: BudgetDocument['functionRows'][number] = { code, values };
    if (!BUILTIN_LIST.function.has(code)) row.name = `合成项${code}`;
    return row;
  });

  // Economic 款 rows share the total basic expenditure; 301/303 personnel, 302 public.
  const totalBasic = basic.reduce((s, x) => s + x, 0);
  const econCodes = economicCodes(economicCount);
  const weights = econCodes.map(() => 1 + rand(100));
  const wsum = weights.reduce((s, x) => s + x, 0);
  let left = totalBasic;
  const economicRows: BudgetDocument['economicRows'] = econCodes.map((code, i) => {
    const amount = i === econCodes.length - 1 ? left : Math.floor((totalBasic * weights[i]!) / wsum);
    left -= amount;
    const col = code.startsWith('302') ? '6.3' : '6.2';
    const row: BudgetDocument['economicRows'][number] = { code, values: amount ? { [col]: text(amount) } : {} };
    if (!BUILTIN_LIST.economic.has(code)) row.name = `合成经济款${code}`;
    return row;
  });
  const econAmount = (code: string) => {
    const r = economicRows.find((x) => x.code === code);
    return r?.values['6.3'] ?? r?.values['6.2'];
  };
  const t10: Record<string, Record<string, string>> = {};
  const reception = econAmount('30217');
  const running = econAmount('30231');
  if (reception) t10.reception = { '2': reception };
  if (running) t10['vehicle.running'] = { '2': running };

  const rowNames = new Map<string, string>();
  for (const r of [...functionRows, ...economicRows]) if (r.name) rowNames.set(r.code, r.name);
  return documentSchema.parse({
    format: 'budget-desk-document',
    version: CURRENT_VERSION,
    template: 'xinjiang-budget-2024',
    department: `合成部门（${items} 行）`,
    year: 2025,
    unit: yuan ? '元' : '万元',
    subUnits,
    profile: {
      functions: '合成数据，用于性能测试。',
      offices: ['办公室', '财务科'],
      staff: { authorized: 120, actual: 110, active: 100, retired: 10, veteran: 0 },
    },
    functionRows,
    economicRows,
    projectRows,
    fixed: { '10': t10 },
    names,
    // Its codes are made up, so the department "imported" a code list holding them (else each 项
    // outside the built-in list would be a code.unknown 提示).
    classification: {
      function: codeList([...new Set(fnCodes.flatMap((c) => [c.slice(0, 3), c.slice(0, 5), c]))], (c) => names[c] ?? rowNames.get(c), 'function'),
      economic: codeList([...new Set(econCodes.flatMap((c) => [c.slice(0, 3), c]))], (c) => rowNames.get(c), 'economic'),
    },
  });
}

/** Entries of a code list, named as the document names them, else as the built-in list does. */
function codeList(codes: readonly string[], own: (code: string) => string | undefined, kind: 'function' | 'economic'): Array<{ code: string; name: string }> {
  return [...codes].sort().map((code) => ({ code, name: own(code) ?? BUILTIN_LIST[kind].get(code) ?? code }));
}

/** Hundredths of 万元 → document amount text. */
function wan(h: number): string {
  const sign = h < 0 ? '-' : '';
  const a = Math.abs(h);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Park–Miller style generator: the same department for the same size, on every machine. */
function lcg(seed: number): (n: number) => number {
  let s = (seed * 7919 + 17) % 2147483647 || 1;
  return (n: number) => {
    s = (s * 48271) % 2147483647;
    return s % n;
  };
}

/** Distinct 7-digit function 项 codes: built-in ones first, then synthetic 款 of real 类. */
function functionCodes(n: number): string[] {
  const out: string[] = [];
  for (const code of BUILTIN_LIST.function.keys()) if (code.length === 7 && out.length < n) out.push(code);
  const used = new Set(out);
  const classes = ['201', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '216', '220', '221', '224'];
  for (let k = 70; out.length < n && k < 100; k++) {
    for (const c of classes) {
      for (let x = 1; x < 100 && out.length < n; x++) {
        const code = `${c}${k}${String(x).padStart(2, '0')}`;
        if (!used.has(code)) out.push(code);
      }
    }
  }
  if (out.length < n) throw new RangeError('syntheticDocument: 功能分类项数过多');
  return out.sort();
}

/** Distinct economic 款 codes: the built-in ones of 301–303 (incl. 30217, 30231), then more 302 款. */
function economicCodes(n: number): string[] {
  // Basic expenditure only: 310 资本性支出 and the like would not fit the personnel/public split.
  const builtin = [...BUILTIN_LIST.economic.keys()].filter((c) => c.length === 5 && /^30[123]/.test(c));
  const pinned = ['30101', '30217', '30231', '30201'];
  const out: string[] = pinned.slice(0, n);
  for (const c of builtin) if (out.length < n && !out.includes(c)) out.push(c);
  for (let x = 50; out.length < n && x < 99; x++) {
    const c = `302${x}`;
    if (!out.includes(c)) out.push(c);
  }
  return out.sort();
}
