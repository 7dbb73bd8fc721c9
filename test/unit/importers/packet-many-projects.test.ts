import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { chineseNumeral } from '../../../shared/narrative/sections/common';

const FIXTURES = join(__dirname, '../../fixtures');
const raw = readFileSync(join(FIXTURES, '003_d8581a66e967af08.txt'), 'utf8');

/**
 * 003's section 七 (one project) printed for `n` projects, numbered as a packet numbers them:
 * （一）…（九十九）, （一百）, （一百零一）, （一百一十三）… Each project's 执行时间 differs, so a
 * line joined to the wrong project shows.
 */
function withProjects(n: number, number: (i: number) => string = chineseNumeral): string {
  const from = raw.indexOf('（一）项目名称：');
  const to = raw.indexOf('八、关于', from);
  const blocks: string[] = [];
  for (let i = 1; i <= n; i++) {
    blocks.push(
      [
        `（${number(i)}）项目名称：测试项目${i}`,
        `设立的政策依据：依据第${i}号文件`,
        `预算安排规模：${i}.00 万元`,
        '项目承担单位：昌吉回族自治州人民政府驻北京联络处',
        `资金分配情况：用于第${i}项工作`,
        `资金执行时间：2024 年 ${(i % 12) + 1} 月 1 日—2024 年 12 月 31 日`,
        '',
      ].join('\n\n'),
    );
  }
  return raw.slice(0, from) + blocks.join('') + raw.slice(to);
}

describe('a packet with over 99 projects in section 七', () => {
  it.each([
    ['in words: （一百）, （一百零一）, （一百一十三）', chineseNumeral],
    ['in digits: （100）, （101）, （113）', String],
  ])('reads every project with its own lines, its heading numbered %s', (_, number) => {
    const n = 130;
    const r = importPacketText(withProjects(n, number));
    if (!r.ok) throw new Error(r.error);
    const projects = r.doc.narrative.projects;
    expect(Object.keys(projects)).toHaveLength(n);
    for (let i = 1; i <= n; i++) {
      const p = projects[`测试项目${i}`];
      expect(p, `project ${i}`).toBeDefined();
      expect(p!.basis).toBe(`依据第${i}号文件`);
      expect(p!.allocation).toBe(`用于第${i}项工作`);
      expect(p!.period?.replace(/\s+/g, '')).toBe(`2024年${(i % 12) + 1}月1日—2024年12月31日`);
    }
  });
});
