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
    expect(ok.map((r) => r.html).join('')).toBe(own.slice(3).join(''));
    expect(own.length).toBeGreaterThan(50);
  });

  it('a document it cannot open: one answer with the reason, for the window to make the sheets itself', () => {
    const replies: PacketSheetsReply[] = [];
    sendPacketSheets({ doc: { ...syntheticDocument(50), template: '不存在的格式' }, from: 0 }, (m) => replies.push(m));
    expect(replies).toEqual([{ ok: false, error: '未知的表格格式“不存在的格式”' }]);
  });
});
