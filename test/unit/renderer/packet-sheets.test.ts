import { describe, expect, it } from 'vitest';
import { type PacketSheetsReply, sendPacketSheets } from '../../../renderer/packet/packet-sheets';
import { BudgetSession } from '../../../shared/engine/session';
import { packetPieces } from '../../../shared/exporters/packet';
import { syntheticDocument } from '../../../shared/samples/synthetic';

describe('the 打印预览 sheets worker’s answers', () => {
  it('for a clone of the window’s document: the sheets after those the window shows, in batches, the last one done', () => {
    const doc = syntheticDocument(3_000);
    const own = [...packetPieces(BudgetSession.open(doc), { traced: true }).sheets()];
    const replies: PacketSheetsReply[] = [];
    // As postMessage carries them: the request cloned one way, each answer the other.
    sendPacketSheets(structuredClone({ doc, from: 3 }), (m) => replies.push(structuredClone(m)));
    const ok = replies.filter((r) => r.ok);
    expect(ok).toHaveLength(replies.length);
    expect(replies.length).toBeGreaterThan(1);
    expect(ok.map((r) => r.done)).toEqual([...ok.slice(1).map(() => false), true]);
    expect(ok.at(-1)!.count).toBe(own.length);
    // Added as the window adds them (an answer `into` the last sheet goes inside it): the sheets themselves.
    let shown = '';
    for (const r of ok) shown = r.into ? `${shown.slice(0, -'</section>'.length)}\n${r.html}</section>` : shown + r.html;
    expect(shown).toBe(own.slice(3).join(''));
    expect(own.length).toBeGreaterThan(50);
    // The 第三部分 (with its projects' performance tables over 1 MB of HTML) comes in parts of at
    // most 150,000 characters: no answer is a sheet of megabytes for the window to add at once.
    const narrative = own.find((h) => h.startsWith('<section class="sheet"><h2 class="part">第三部分'))!;
    expect(narrative.length).toBeGreaterThan(1_000_000);
    expect(ok.filter((r) => r.into).length).toBeGreaterThan(5);
    expect(Math.max(...ok.map((r) => r.html.length))).toBeLessThanOrEqual(150_000);
  });

  it('sheetParts: the sheets again when joined, a long 第三部分 in parts of about the size asked', () => {
    const pieces = packetPieces(BudgetSession.open(syntheticDocument(3_000)), { traced: true });
    const own = [...pieces.sheets()];
    const parts = [...pieces.sheetParts(50_000)];
    expect(parts.filter((p) => !p.into)).toHaveLength(own.length);
    const joined: string[] = [];
    for (const p of parts) {
      if (p.into) joined.push(`${joined.pop()!.slice(0, -'</section>'.length)}\n${p.html}</section>`);
      else joined.push(p.html);
    }
    expect(joined).toEqual(own);
    // Each part whole elements: opening and closing tags balance.
    for (const p of parts) expect((p.html.match(/<div\b/g) ?? []).length).toBe((p.html.match(/<\/div>/g) ?? []).length);
    expect(parts.filter((p) => p.into).length).toBeGreaterThan(15);
  });

  it('a document it cannot open: one answer with the reason, for the window to make the sheets itself', () => {
    const replies: PacketSheetsReply[] = [];
    sendPacketSheets({ doc: { ...syntheticDocument(50), template: '不存在的格式' }, from: 0 }, (m) => replies.push(m));
    expect(replies).toEqual([{ ok: false, error: '未知的表格格式“不存在的格式”' }]);
  });
});
