import { type AuditContext, type AuditFinding, auditFinding } from './context';
import { proseParts, scan } from './text-scan';
import type { RuleId } from '../catalog';

/**
 * What GovBudgetChecker-style proofreading finds in the printed text: placeholders left from a
 * template, doubled words, repeated or mixed punctuation, and change words that contradict
 * themselves. One finding per distinct slip, listing every place.
 */
const CHECKS: ReadonlyArray<{ rule: RuleId; re: RegExp; what: (m: string) => string; accept?: (m: RegExpMatchArray, text: string) => boolean }> = [
  {
    rule: 'text.placeholder',
    re: /(?<![A-Za-z])[XＸx]{2,}(?![A-Za-z])|[×✕]{2,}|待填写|待补充|\{[^{}]{0,12}\}|【\s*】|〔\s*〕|…{2,}|\.{6,}/g,
    what: (m) => `留有占位符“${m}”`,
  },
  {
    // What a program prints for a value it did not have (“（undefined十三）”, “增长NaN%”): a
    // generator's slip, as much a hole in the text as a template's XX.
    rule: 'text.placeholder',
    re: /(?<![A-Za-z])(?:undefined|NaN|null|Infinity|\[object Object\])(?![A-Za-z])/g,
    what: (m) => `留有程序未填出的值“${m}”`,
  },
  {
    rule: 'text.doubled',
    re: /(预算|支出|经费|资金|项目|万元|单位|部门|主要原因|用于|是|的|比上年)\1/g,
    what: (m) => `“${m}”重复了词语`,
    // 的的确确 and similar reduplications are words.
    accept: (m, text) => !(m[0] === '的的' && text.slice((m.index ?? 0) + 2, (m.index ?? 0) + 4) === '确确'),
  },
  {
    rule: 'text.punctuation',
    // Two different Chinese marks in a row (。， ，。 ；。) are as wrong as a doubled one.
    re: /([。，、；：！？])\1+|[。，、；：]{2,}|[。，、；：][,.;:]|[,.;:](?<!\d[.,])[。，、；：]/g,
    what: (m) => `标点“${m}”重复或中英文混用`,
  },
  {
    rule: 'text.latin',
    re: /(?<=[\u4e00-\u9fff])(?:and|or|the|of|to|with)(?=[\u4e00-\u9fff])/g,
    what: (m) => `中文句子中夹有英文单词“${m}”`,
  },
  {
    rule: 'text.wording',
    re: /(?:增加|减少|增长|下降)持平|持平(?:增加|减少)|增加[\d,.]+万元[，,]下降|减少[\d,.]+万元[，,]增长/g,
    what: (m) => `“${m}”增减用语自相矛盾`,
  },
];

export function wordingFindings(ctx: AuditContext): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const c of CHECKS) {
    for (const h of scan(ctx, c.re, c.accept)) out.push(textFinding(c.rule, h.match, c.what(h.match), h.places));
  }
  // “0 万元，比上年增加 N 万元” says last year was negative.
  for (const h of scan(ctx, /(?<![\d.])0(?:\.0+)?万元[，,](?:占[\d.]+%[，,])?比上年(?:预算)?增加([\d,]*[1-9][\d,]*(?:\.\d+)?|0\.\d*[1-9]\d*)万元/g)) {
    out.push(textFinding('text.wording', h.match, `“${h.match}”：本年为 0 却比上年增加，上年数只能为负`, h.places));
  }
  out.push(...strayCommaFindings(ctx));
  return out;
}

/** A half-width comma between Chinese words (not `1,234`, not after a Latin letter or digit). */
const HALF_COMMA = /(?<=[\u4e00-\u9fff）”’%％]),(?=[\u4e00-\u9fff（“‘])/g;

/**
 * A half-width comma in a packet that otherwise writes full-width ones (“一般公共预算,财政拨款结转结余、…”):
 * a 提示, and only where it stands out: a packet with more than two such commas in its text, or
 * few full-width ones, writes half-width punctuation by habit (003's “万元,占”), not by slip.
 */
function strayCommaFindings(ctx: AuditContext): AuditFinding[] {
  const parts = proseParts(ctx);
  const all = parts.map((p) => p.text).join('\n');
  const half = [...all.matchAll(/,(?!\d{3}(?!\d))/g)].length;
  const full = [...all.matchAll(/[，、]/g)].length;
  if (half === 0 || half > 2 || full < 10 * half) return [];
  const out: AuditFinding[] = [];
  for (const p of parts) {
    for (const m of p.text.matchAll(HALF_COMMA)) {
      const i = m.index;
      const around = p.text.slice(Math.max(0, i - 8), i + 9).replace(/\n/g, '');
      out.push(textFinding('text.punctuation', p.text.slice(Math.max(0, i - 2), i + 3), '全角标点的中文句子中夹有半角逗号“,”', [`${p.where}“…${around}…”`], `half-comma|${p.where}|${i}`));
    }
  }
  return out;
}

export function textFinding(rule: RuleId, match: string, what: string, places: string[], key = match): AuditFinding {
  return auditFinding({
    rule,
    key,
    rowKey: 'text',
    row: places.map((p) => p.replace(/“.*$/, '')).filter((p, i, a) => a.indexOf(p) === i).join('、'),
    expected: '',
    actual: match,
    message: `${what}：${places.join('；')}`,
  });
}
