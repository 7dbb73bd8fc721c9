import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactDir } from '../../e2e/support/artifacts';
import { type AppPage, Harness } from '../../e2e/support/harness';

/**
 * The packet pages in the built renderer (Chromium, main-process handlers bridged in):
 * 情况说明 with traced numbers, input fields and an overridden paragraph; 打印预览; the
 * 公开前检查 dialog; printing to PDF. Screenshots go to test/artifacts/tmp/packet-ui/ (ignored).
 */
const SHOTS = artifactDir('packet-ui');
const h = new Harness();
let app: AppPage;
let page: Page;

beforeAll(async () => {
  await h.start();
  app = await h.open();
  page = app.page;
}, 180_000);
afterAll(() => h.stop());

const para = (id: string) => page.locator(`[data-paragraph="${id}"]`);

describe.skipIf(!existsSync('/usr/bin/chromium'))('情况说明, 打印预览, 公开前检查', () => {
  it('shows the generated text; a number shows its source and leads to its cell', { timeout: 60_000 }, async () => {
    await page.click('[data-nav="narrative"]');
    await expect.poll(() => para('s1.total').textContent()).toContain('收支总预算342.32万元');
    await para('s1.total').locator('button.num').first().click();
    const note = page.locator('.source-note');
    await expect.poll(() => note.textContent()).toContain('来源：表1“收入总计”第1栏（收入预算数）');
    await page.screenshot({ path: join(SHOTS, 'ui-narrative-source.png') });
    await note.getByRole('button', { name: /转到表1单元格/ }).click();
    await page.waitForSelector('.ag-root');
    expect(await page.locator('[data-nav="t1"]').getAttribute('class')).toContain('active');
  });

  it('fields under a paragraph feed the text; an overridden paragraph is marked and its wrong number reported', { timeout: 60_000 }, async () => {
    await page.click('[data-nav="narrative"]');
    await page.click('[data-section="s2"] h3 button');
    const prior = para('s2.income.gb').getByLabel('一般公共预算上年预算数（万元）');
    await prior.fill('200');
    await prior.press('Enter');
    await expect.poll(() => para('s2.income.gb').locator('p').textContent()).toMatch(/比上年预算增加32\.32万元，增长16\.16%/u);
    const reason = para('s2.income.gb').getByLabel('一般公共预算增减的主要原因');
    await reason.fill('调标增资');
    await reason.press('Enter');
    await expect.poll(() => para('s2.income.gb').locator('p').textContent()).toContain('主要原因是调标增资。');

    await page.click('[data-section="s1"] h3 button');
    await para('s1.total').hover();
    await para('s1.total').getByRole('button', { name: '改写' }).click();
    await para('s1.total').getByLabel('改写段落').fill('本部门2024年收支总预算324.31万元。');
    await para('s1.total').getByRole('button', { name: '保存改写' }).click();
    await expect.poll(() => para('s1.total').locator('.override-mark').textContent()).toContain('324.31万元');
    await page.screenshot({ path: join(SHOTS, 'ui-narrative-override.png') });
  });

  it('an edit in a table changes the generated text at once', { timeout: 60_000 }, async () => {
    await page.click('[data-nav="t2"]');
    await page.locator('.grid-wrap [row-id="2010302"] [col-id="c10"]').first().click();
    await page.keyboard.type('120');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.grid-wrap [row-id="2010302"] [col-id="c10"]')?.textContent?.trim() === '120.00');
    await page.click('[data-nav="narrative"]');
    await page.click('[data-section="s2"] h3 button');
    await expect.poll(() => para('s2.income.unit').locator('p').textContent()).toContain('单位资金120.00万元，占34.06%');
    await page.click('[data-nav="t2"]');
    await page.locator('.grid-wrap [row-id="2010302"] [col-id="c10"]').first().click();
    await page.keyboard.type('110');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.grid-wrap [row-id="2010302"] [col-id="c10"]')?.textContent?.trim() === '110.00');
  });

  it('名词解释 starts from the standard glossary; an edit prints in part 4', { timeout: 60_000 }, async () => {
    await page.click('[data-nav="glossary"]');
    const def = page.getByLabel('第1条解释');
    expect(await def.inputValue()).toBe('指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。');
    await def.fill('指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数（含上级补助）。');
    await page.getByRole('button', { name: '应用修改' }).click();
    await page.click('[data-nav="packet"]');
    const frame = page.frameLocator('iframe.packet-frame');
    await expect.poll(() => frame.locator('.glossary').textContent()).toContain('（含上级补助）');
  });

  it('绩效目标表: amounts from the tables; indicators whose weights reach 100 clear the finding', { timeout: 60_000 }, async () => {
    await page.click('[data-nav="performance"]');
    const overall = page.locator('.perf-block').first();
    await expect.poll(() => overall.textContent()).toContain('年度预算 342.32 万元');
    // The sample's tables are complete (weights add to 100): no finding about them.
    const perfFindings = async () => (await page.locator('.perf-findings').count()) === 0 ? '' : await page.locator('.perf-findings').textContent();
    await expect.poll(perfFindings).not.toContain('部门整体绩效目标表');
    await overall.getByRole('button', { name: '添加指标' }).click();
    await overall.getByLabel('三级指标').last().fill('按时完成驻京联络工作');
    await overall.getByLabel('分值权重').last().fill('10');
    await page.getByRole('button', { name: '应用修改' }).click();
    await expect.poll(perfFindings).toContain('部门整体绩效目标表各指标分值权重合计为 110，应为 100');
    await overall.getByLabel('分值权重').last().fill('0');
    await page.getByRole('button', { name: '应用修改' }).click();
    await expect.poll(perfFindings).not.toContain('部门整体绩效目标表各指标');
  });

  it('打印预览 shows the packet; 打印 and 导出 first list the remaining errors; going on prints the PDF / writes the workbook', { timeout: 120_000 }, async () => {
    await page.click('[data-nav="packet"]');
    const frame = page.frameLocator('iframe.packet-frame');
    await expect.poll(() => frame.locator('.cover .dept').textContent()).toBeTruthy();
    await page.getByRole('button', { name: '打印为 PDF…' }).click();
    const dialog = page.getByRole('dialog', { name: '公开前检查' });
    await expect.poll(() => dialog.textContent()).toContain('324.31万元');
    await page.screenshot({ path: join(SHOTS, 'ui-prepublish.png') });
    await dialog.getByRole('button', { name: '返回修改' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);

    const out = join(await h.tempDir('packet-ui-'), '公开文件.pdf');
    await page.click('[data-nav="packet"]');
    await page.getByRole('button', { name: '打印为 PDF…' }).click();
    app.desk.dialogAnswers.push(out);
    await page.getByRole('dialog', { name: '公开前检查' }).getByRole('button', { name: '仍然打印' }).click();
    await expect.poll(() => existsSync(out), { timeout: 60_000 }).toBe(true);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');

    // Exporting the workbook passes through the same check.
    const xlsx = join(await h.tempDir('packet-ui-'), '公开表.xlsx');
    await page.locator('.packet-page').getByRole('button', { name: '导出 Excel…' }).click();
    app.desk.dialogAnswers.push(xlsx);
    await page.getByRole('dialog', { name: '公开前检查' }).getByRole('button', { name: '仍然导出' }).click();
    await expect.poll(() => existsSync(xlsx), { timeout: 30_000 }).toBe(true);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(app.errors).toEqual([]);
  });
});
