import { type Narrative, paragraphText } from './types';

/** 第三部分 as plain text, one paragraph a line, as `budget-desk narrative` prints it (a 决算 names its own part). */
export function narrativeText(n: Narrative, heading = `第三部分 ${n.year}年部门预算情况说明`): string {
  const lines: string[] = [heading, ''];
  for (const s of n.sections) {
    lines.push(`${s.numeral}、${s.title}`, '');
    for (const p of s.paragraphs) lines.push(paragraphText(p.runs), '');
  }
  return lines.join('\n');
}
