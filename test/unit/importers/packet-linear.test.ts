import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importAnyPacketText } from '../../../shared/importers/detect-format';
import { assignColumns } from '../../../shared/importers/packet/assign';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { splitLines } from '../../../shared/importers/packet/lines';
import { packetNarrativeFindings } from '../../../shared/importers/packet/narrative-audit';
import { rawRows } from '../../../shared/importers/packet/raw-rows';
import { segment } from '../../../shared/importers/packet/segment';
import { INPUT_BOUNDS } from '../../../shared/limits/input-bounds';

/**
 * One test per super-linear path the importer had. Each limit is generous (work measured as this
 * process's CPU time, so a loaded machine does not fail it) and far below what the old code took.
 */
const TABBED = readFileSync(join(__dirname, '../../fixtures/003_d8581a66e967af08.txt'), 'utf8');

function cpuMs<T>(f: () => T): { ms: number; value: T } {
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, value };
}

/** The packet with `block` inserted after the first line matching `at` (from line `from` on). */
function withLines(at: RegExp, block: string[], from = 0): string {
  const lines = TABBED.split('\n');
  const i = lines.findIndex((l, k) => k >= from && at.test(l));
  return [...lines.slice(0, i + 1), ...block, ...lines.slice(i + 1)].join('\n');
}
const PART3 = TABBED.split('\n').findLastIndex((l) => /^第三部分/.test(l));

describe('the packet importer stays linear on hostile input', () => {
  it('line reader: 100,000 tabs then a character (trailing-tab trim was a quadratic regex: 16 s)', () => {
    const line = `${'\t'.repeat(INPUT_BOUNDS.maxLineChars - 1)}x`;
    const r = cpuMs(() => splitLines(`a\n${line}\n${line}\n`));
    expect(r.ms).toBeLessThan(300);
    expect(r.value.ok && r.value.lines[1]!.cells!.length).toBe(INPUT_BOUNDS.maxLineChars);
  });

  it('a line beyond maxLineChars is cut there, with a warning naming the line', () => {
    const text = withLines(/^二、/, ['收入'.repeat(INPUT_BOUNDS.maxLineChars)], PART3);
    const r = importPacketText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const line = text.split('\n').findIndex((l) => l.startsWith('收入收入')) + 1;
    expect(r.warnings).toContainEqual({ line, message: `本行超过 ${INPUT_BOUNDS.maxLineChars.toLocaleString('en-US')} 个字符，只读取了前 ${INPUT_BOUNDS.maxLineChars.toLocaleString('en-US')} 个字符` });
  });

  it('narrative reader: a 1 MB paragraph of digits in section 二 (number regexes rescanned the run from every digit)', () => {
    const lines = Array.from({ length: 50 }, () => '1234567890'.repeat(2000));
    importPacketText(TABBED); // compiled before it is timed
    const r = cpuMs(() => importPacketText(withLines(/^二、/, lines, PART3)));
    expect(r.value.ok).toBe(true);
    expect(r.ms).toBeLessThan(3000);
  });

  it('narrative audit: 1 MB without punctuation in sections 四, 五 and 十一 (lazy subjects rescanned it: never finished)', () => {
    const source = importPacketText(TABBED);
    if (!source.ok) throw new Error(source.error);
    const doc = source.doc;
    const run = '一般公共服务支出'.repeat(130_000);
    doc.narrative.printed['4'] = run;
    doc.narrative.printed['5'] = `1、${run}（款）${run}`;
    doc.narrative.printed['11'] = `1、${'9'.repeat(1_000_000)}`;
    doc.narrative.printed['2'] = '1,2'.repeat(350_000);
    const r = cpuMs(() => packetNarrativeFindings(BudgetSession.open(doc)));
    expect(r.ms).toBeLessThan(1500);
  });

  it('wrapped names: 100,000 text-only lines after a coded row are joined once, not re-joined per line', () => {
    const data = [{ no: 1, text: '201 03 02' }, ...Array.from({ length: 100_000 }, (_, i) => ({ no: i + 2, text: '机关事业单位' }))];
    const r = cpuMs(() => rawRows(data, undefined, 3));
    expect(r.ms).toBeLessThan(500);
    expect(r.value).toHaveLength(1);
    expect(r.value[0]!.texts[0]).toHaveLength(600_000);
  });

  it('column placement: 5,000 rows under one parent (recursion on the family overflowed the stack; re-ranking every row after each pick was quadratic)', () => {
    const kids = Array.from({ length: 5000 }, () => ({ amounts: [100], parent: 0 }));
    const r = cpuMs(() =>
      assignColumns({ columns: [{ no: '1', sum: ['2', '3'] }, { no: '2' }, { no: '3' }], rows: [{ amounts: [500_000, 300_000, 200_000] }, ...kids] }),
    );
    expect(r.ms).toBeLessThan(1500);
    expect(r.value.cols[0]).toEqual(['1', '2', '3']);
    expect(r.value.cols).toHaveLength(5001);
    expect(r.value.cols.every((c) => c.length > 0)).toBe(true);
  });

  it('segmenter: a table continued over a page with 150,000 lines is joined without spreading them into one call', () => {
    const region = ['编制部门：某部门', ...Array.from({ length: 150_000 }, () => '201 03 02 事业运行 1.00')];
    const lines = [...['部门支出总体情况表', ...region, '部门支出总体情况表', ...region]].map((text, i) => ({ no: i + 1, text }));
    const r = cpuMs(() => segment(lines));
    expect(r.value.tables).toHaveLength(1);
    expect(r.value.tables[0]!.lines).toHaveLength(2 * region.length);
    expect(r.ms).toBeLessThan(1000);
  });
});

describe('input bounds (shared/limits/input-bounds.ts) are checked before the expensive steps', () => {
  it('a text beyond maxPacketChars is refused at once, with the reason in Chinese', () => {
    const text = `${TABBED}${'201\t03\t50\t事业运行\t116.75\t116.75\t\n'.repeat(INPUT_BOUNDS.maxPacketChars / 20)}`;
    for (const read of [importPacketText, importAnyPacketText]) {
      const r = cpuMs(() => read(text));
      expect(r.value).toEqual({ ok: false, error: expect.stringContaining('超过了可导入的上限') });
      expect(r.ms).toBeLessThan(200);
    }
  });

  it('more lines than maxPacketLines are refused before the lines are read', () => {
    const r = cpuMs(() => importPacketText(`${TABBED}${'\n'.repeat(INPUT_BOUNDS.maxPacketLines)}`));
    expect(r.value).toEqual({ ok: false, error: `文件超过 ${INPUT_BOUNDS.maxPacketLines.toLocaleString('en-US')} 行（可导入的上限），不像是部门预算公开文件，未导入。` });
    expect(r.ms).toBeLessThan(500);
  });

  it('a table longer than maxTableRows is refused, naming the table and where it starts', () => {
    const rows = Array.from({ length: INPUT_BOUNDS.maxTableRows + 1 }, () => '201\t03\t50\t事业运行\t1.00\t1.00\t');
    const r = importPacketText(withLines(/^\t*总计\t/, rows));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^表2（第 \d+ 行起）有 120,0\d\d 行，超过了一张表可导入的上限（120,000 行），未导入。$/);
  });

  it('warnings are capped at maxWarnings; one more line counts the rest', () => {
    const junk = Array.from({ length: 1000 }, (_, i) => `\t\t\t无法识别${i}\t12.3.4\t`);
    const r = importPacketText(withLines(/^\t*总计\t/, junk));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toHaveLength(INPUT_BOUNDS.maxWarnings + 1);
    expect(r.warnings[INPUT_BOUNDS.maxWarnings]!.message).toMatch(/^另有 \d+ 条提示未列出$/);
  });
});
