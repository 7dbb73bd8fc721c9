import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { shanghaiBudgetDept, shanghaiBudgetUnit } from '../../../shared/formats/shanghai-budget';
import { SHANGHAI_GLOSSARY } from '../../../shared/formats/shanghai-glossary';
import { shanghaiGlossaryText } from '../../../shared/importers/shanghai/glossary-text';
import { STANDARD_GLOSSARY, glossaryOf } from '../../../shared/narrative/glossary';

const pdf = (v: string) => new URL(`../../fixtures/shanghai/putuo-govoffice-2025-budget-${v}.pdf`, import.meta.url).pathname;

describe('名词解释 of the Shanghai budgets', () => {
  it('both Putuo packets print the format’s eight terms, read whole from the PDF', async () => {
    for (const v of ['dept', 'unit']) {
      const r = await importPacketFile(pdf(v));
      if (!r.ok) throw new Error(r.error);
      expect(r.doc.glossary).toEqual(SHANGHAI_GLOSSARY);
    }
    expect(SHANGHAI_GLOSSARY.map((g) => g.term)).toEqual(['财政拨款收入', '事业收入', '事业单位经营收入', '其他收入', '基本支出预算', '项目支出预算', '“三公”经费', '机关运行经费']);
  });

  it('reads the `pdftotext -layout` text too: wrapped definitions joined, the 目录 line skipped, stops at 预算编制说明', () => {
    const text = execFileSync('pdftotext', ['-layout', pdf('dept'), '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(shanghaiGlossaryText(text.split('\n'))).toEqual(SHANGHAI_GLOSSARY);
  });

  it('a new Shanghai document prints the Shanghai terms, not the Xinjiang ones', () => {
    for (const f of [shanghaiBudgetDept, shanghaiBudgetUnit]) {
      expect(glossaryOf({}, f)).toEqual(SHANGHAI_GLOSSARY);
      expect(glossaryOf({}, f)).not.toEqual(STANDARD_GLOSSARY);
    }
  });
});
