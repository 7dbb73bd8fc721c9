import type { GlossaryEntry } from '../../narrative/glossary';

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The printed 名词解释 of a Shanghai packet: from its heading (not the 目录 line, which has dot
 * leaders or a number) to the 预算编制说明 that follows; entries “（一）术语：定义” with the
 * definition run on over the wrapped lines.
 */
export function shanghaiGlossaryText(lines: readonly string[]): GlossaryEntry[] {
  const at = lines.findIndex((l) => squash(l) === '名词解释');
  if (at < 0) return [];
  const out: GlossaryEntry[] = [];
  for (const l of lines.slice(at + 1)) {
    const s = squash(l);
    if (!s) continue;
    if (/预算编制说明$|^[一二三四五六七八九十]+、/.test(s)) break;
    const m = /^[（(][一二三四五六七八九十]{1,3}[）)]([^:：]{1,30})[:：](.*)$/.exec(s);
    if (m) out.push({ term: m[1]!, definition: m[2]! });
    else if (out.length) out.at(-1)!.definition += s;
    else break;
  }
  return out;
}
