import type { GlossaryEntry } from '../../narrative/glossary';
import { readGlossaryLines } from '../glossary-lines';

/**
 * The printed 名词解释 of a Shanghai packet: from its heading (not the 目录 line, which has dot
 * leaders or a number) to the 预算编制说明 that follows; entries “（一）术语：定义” with the
 * definition run on over the wrapped lines.
 */
export function shanghaiGlossaryText(lines: readonly string[]): GlossaryEntry[] {
  return readGlossaryLines(lines, {
    heading: /^名词解释$/,
    entry: /^[（(][一二三四五六七八九十]{1,3}[）)]([^:：]{1,30})[:：](.*)$/,
    end: /预算编制说明$|^[一二三四五六七八九十]+、/,
    squash: true,
  });
}
