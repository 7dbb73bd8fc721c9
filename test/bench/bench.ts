/**
 * `npm run bench [-- --json]`: median times on deterministic synthetic departments of
 * 100, 1,000 and 10,000 line items.
 *   full_ms  — re-evaluate every cell and every rule (graph already built)
 *   edit_ms  — one entered cell changed → incremental recalculation + rules + findings list
 *   load_ms  — parse + validate the saved JSON, lay out, build the graph, compute, check
 * Targets on a 2-core machine at 10,000 items: edit ≤ 1 ms, full ≤ 50 ms.
 */
import { BudgetSession } from '../../shared/engine/session';
import { loadDocument, serializeDocument } from '../../shared/model';
import { formatExact } from '../../shared/money';
import { syntheticDocument } from '../../shared/samples/synthetic';

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const results: Array<{ items: number; full_ms: number; edit_ms: number; load_ms: number; build_ms: number; cells: number }> = [];
for (const items of [100, 1000, 10000]) {
  const doc = syntheticDocument(items);
  const text = serializeDocument(doc);
  const loads: number[] = [];
  let session!: BudgetSession;
  for (let i = 0; i < 7; i++) {
    loads.push(
      time(() => {
        const r = loadDocument(text);
        if (!r.ok) throw new Error(r.error);
        session = BudgetSession.open(r.doc);
        session.findings();
      }),
    );
  }
  const builds: number[] = [];
  for (let i = 0; i < 5; i++) builds.push(time(() => session.rebuild()));
  const fulls: number[] = [];
  for (let i = 0; i < 21; i++) fulls.push(
      time(() => {
        session.recomputeAll();
        session.findings();
      }),
    );
  // Edit entered cells of table 2 that hold money: change one (tables 3 and 5 then disagree,
  // so rules fire), then put it back; both edits are timed, each with the status-bar counts.
  const leaves = session.layout(2).rows.filter((r) => r.level === 'leaf' && session.value(2, r.key, '3') !== 0);
  const edits: number[] = [];
  const edit = (key: string, text: string) =>
    edits.push(
      time(() => {
        const r = session.setCell(2, key, '3', text);
        if (!r.ok || r.structural) throw new Error('edit should be incremental');
        session.counts();
      }),
    );
  for (let i = 0; i < 401; i++) {
    const row = leaves[(i * 7919) % leaves.length]!;
    const original = formatExact(session.value(2, row.key, '3'), '万元');
    edit(row.key, `${1000 + (i % 50)}.${String(i % 100).padStart(2, '0')}`);
    edit(row.key, original);
  }
  results.push({ items, full_ms: round(median(fulls)), edit_ms: round(median(edits)), load_ms: round(median(loads)), build_ms: round(median(builds)), cells: session.graph.size });
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results.map(({ items, full_ms, edit_ms, load_ms }) => ({ items, full_ms, edit_ms, load_ms }))));
} else {
  console.log('items\tcells\tfull_ms\tedit_ms\tload_ms\tbuild_ms');
  for (const r of results) console.log(`${r.items}\t${r.cells}\t${r.full_ms}\t${r.edit_ms}\t${r.load_ms}\t${r.build_ms}`);
  console.log('targets at 10,000 items: edit_ms ≤ 1, full_ms ≤ 50');
}
