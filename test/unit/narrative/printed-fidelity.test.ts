import { describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import { generateNarrative } from '../../../shared/narrative/generate';
import { paragraphText } from '../../../shared/narrative/types';

const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url).pathname;
/** Text compared as printed: no spaces or line breaks, no thousands separators (the packets print none). */
const plain = (t: string) => t.replace(/\s+/g, '').replace(/(\d),(?=\d{3})/g, '$1');

/**
 * An imported packet's 情况说明 written again from its tables and the inputs read from its text:
 * which of the written paragraphs the packet printed word for word, and which it did not.
 */
async function rewritten(file: string): Promise<{ same: number; differ: string[] }> {
  const r = await importPacketFile(fixture(file));
  if (!r.ok) throw new Error(r.error);
  const printed = plain(Object.values(r.doc.narrative.printed).join(''));
  let same = 0;
  const differ: string[] = [];
  for (const s of generateNarrative(BudgetSession.open(r.doc)).sections) {
    for (const p of s.paragraphs) {
      if (p.role === 'heading') continue;
      if (printed.includes(plain(paragraphText(p.runs)))) same++;
      else differ.push(p.id);
    }
  }
  return { same, differ };
}

describe('a published packet imported and written again says what it printed', () => {
  it('Putuo 2025 部门预算: every paragraph but two, word for word', async () => {
    // sh1.spend and sh3p.items: the packet writes “比2024年预算持平”, we write “与…持平”.
    expect(await rewritten('shanghai/putuo-govoffice-2025-budget-dept.pdf')).toEqual({ same: 30, differ: ['sh1.spend', 'sh3p.items'] });
  });

  it('Putuo 2025 单位预算: the same two, and 政府采购 where it writes “2025年度本单位”', async () => {
    expect(await rewritten('shanghai/putuo-govoffice-2025-budget-unit.pdf')).toEqual({ same: 21, differ: ['sh1.spend', 'sh3p.items', 'sh.procurement'] });
  });

  it('Putuo 2024 部门决算: 16 of 29; the rest differ where the packet rounds or misprints', async () => {
    // e.g. fa4.total: the packet prints 0.3 万元 for 表4's 2,961.68; fa5.structure: 71.73 % for 71.65 %;
    // fa2.income: “6.2万元” for 6.20; fa5.item.*: “决算数与预算数基本持平”; fa7: “0%” for 0.00 %.
    expect(await rewritten('shanghai/putuo-finance-2024-final-accounts.pdf')).toEqual({
      same: 16,
      differ: [
        'fa2.income',
        'fa3.spend',
        'fa4.total',
        'fa5.structure',
        'fa5.item.2010602',
        'fa5.item.2080599',
        'fa5.item.2210203',
        'fa6.basic',
        'fa7.budget',
        'fa7.prior',
        'fa10.performance',
        'fa11.procurement',
        'fa11.procurement.sme',
      ],
    });
  });

  it('Xinjiang 000, 003, 004: most paragraphs word for word (the departments word the rest their own way)', async () => {
    const counts = await Promise.all(['000_76f4246f7dc2bf91.txt', '003_d8581a66e967af08.txt', '004_b7e4b340c6b3bf95.txt'].map(async (f) => {
      const r = await rewritten(f);
      return [r.same, r.same + r.differ.length];
    }));
    expect(counts).toEqual([
      [54, 66],
      [37, 62],
      [66, 74],
    ]);
  });
});
