import { FA_SECTIONS, faPrintedKey } from '../../importers/final-accounts/printed-sections';
import { SH_PRINTED } from '../../importers/shanghai/narrative-text';
import { type AuditContext, SECTION } from './context';

const SHANGHAI_PARTS: ReadonlyArray<readonly [string, string]> = [
  [SH_PRINTED.compilation, '编制说明'],
  [SH_PRINTED.other, '其他相关情况说明'],
  [SH_PRINTED.projects, '项目经费情况说明'],
];

export interface TextHit {
  /** What matched (the finding is per distinct match). */
  match: string;
  /** Where: 第一部分 / 第三部分N, with a few characters around the match. */
  places: string[];
}

/** Every printed text of the packet that reads as prose: 第一部分's 主要职能 and 第三部分 by section. */
export function proseParts(ctx: AuditContext): Array<{ where: string; text: string }> {
  const doc = ctx.session.document;
  const parts = [{ where: '第一部分', text: (doc.profile.functions ?? '').replace(/\s+/g, '') }];
  for (let n = 1; n <= 12; n++) parts.push({ where: `第三部分${SECTION[n]}`, text: ctx.text(n) });
  // A Shanghai packet's text (shared/importers/shanghai/narrative-text.ts).
  const printed = doc.narrative.printed;
  for (const [key, where] of SHANGHAI_PARTS) parts.push({ where, text: (printed[key] ?? '').replace(/\s+/g, '') });
  // A 部门决算 packet's 情况说明 (shared/importers/final-accounts/printed-sections.ts), by section.
  for (const [i, s] of FA_SECTIONS.entries()) parts.push({ where: `情况说明${SECTION[i + 1]}`, text: (printed[faPrintedKey(s)] ?? '').replace(/\s+/g, '') });
  return parts.filter((p) => p.text !== '');
}

/** Matches of `re` (global) grouped by the matched text, each place with its context. */
export function scan(ctx: AuditContext, re: RegExp, accept: (m: RegExpMatchArray, text: string) => boolean = () => true): TextHit[] {
  const hits = new Map<string, TextHit>();
  for (const p of proseParts(ctx)) {
    for (const m of p.text.matchAll(re)) {
      if (!accept(m, p.text)) continue;
      const i = m.index ?? 0;
      const around = p.text.slice(Math.max(0, i - 8), i + m[0].length + 8).replace(/\n/g, '');
      const h = hits.get(m[0]) ?? { match: m[0], places: [] };
      h.places.push(`${p.where}“…${around}…”`);
      hits.set(m[0], h);
    }
  }
  return [...hits.values()];
}
