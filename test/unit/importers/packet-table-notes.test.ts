import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
import { esc } from '../../../shared/exporters/packet/html';
import { workbookLayout } from '../../../shared/exporters/workbook';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { tableView } from '../../../shared/views/table-view';

const PACKET = readFileSync(join(__dirname, '../../fixtures/000_76f4246f7dc2bf91.txt'), 'utf8');

/** Packet 000 with `note` printed on its own line just before the title of table `before`. */
function withNoteBefore(before: number, note: string): string {
  const lines = PACKET.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^\\s*表 ${before}$`).test(l));
  if (at < 0) throw new Error(`no 表 ${before} in packet 000`);
  lines.splice(at, 0, note, '');
  return lines.join('\n');
}

function imported(text: string) {
  const r = importPacketText(text);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('a bracketed note under a table is the table’s note, never part of a row name', () => {
  // Short (fits a wrapped name: was glued onto the last row) and long (a sentence: was dropped with a warning).
  const notes = ['（表 7 中不包含结转结余资金）', '（表7中不包含结转结余资金，本单位无项目支出结转。）'];
  // 表1 (two-sided fixed), 表3 and 表6 (hierarchical), 表7 (projects): the same everywhere.
  for (const [table, next] of [
    [1, 2],
    [3, 4],
    [6, 7],
    [7, 8],
  ] as const) {
    for (const note of notes) {
      test(`表${table}: ${note}`, () => {
        const plain = imported(PACKET);
        const r = imported(withNoteBefore(next, note));
        expect(r.doc.narrative.printed[`note.t${table}`]).toBe(note);
        const { narrative: _n, ...rest } = r.doc;
        expect(JSON.stringify(rest)).not.toContain('不包含结转结余资金');
        expect(r.warnings.map((w) => w.message).join('\n')).not.toContain('不包含');
        // Every table reads as it did without the note.
        const { narrative: _p, ...plainRest } = plain.doc;
        expect(rest).toEqual(plainRest);
        expect(r.warnings).toEqual(plain.warnings);
      });
    }
  }

});

describe('the note is printed under its table again', () => {
  test('packet and workbook of 000 with a note under 表7: the note follows 表7, no other table has it', () => {
    const note = '（表7中不包含结转结余资金，本单位无项目支出结转。）';
    const session = BudgetSession.open(imported(withNoteBefore(8, note)).doc);
    const view = tableView(session, 7);
    expect(view).toMatchObject({ note, notePrinted: true });
    const html = packetHtml(session);
    const at = html.indexOf(esc(note));
    expect(at).toBeGreaterThan(html.indexOf('表 7</div>'));
    expect(at).toBeLessThan(html.indexOf('表 8</div>'));
    const sheet = workbookLayout(session, []).sheets.find((s) => s.table === 7)!;
    expect(sheet.rows.at(-1)?.[0]).toEqual({ v: note, s: 'note' });
    // 表5 keeps its template's note; the packet reprints only notes the packet printed.
    expect(workbookLayout(session, []).sheets.find((s) => s.table === 5)!.rows.at(-1)?.[0]?.v).toBe('注：一般公共预算含上级一般公共预算安排的转移支付，不含上年结转。');
  });
});
