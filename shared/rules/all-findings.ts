import type { BudgetSession } from '../engine/session';
import { packetNarrativeFindings } from '../importers/packet/narrative-audit';
import { type GeneratedNarrative, generateNarrative, narrativeFigures } from '../narrative/generate';
import { performanceFindings } from '../narrative/performance/findings';
import type { Finding } from './finding';
import { runSteps, type Steps } from '../engine/steps';
import { type Grouping, groupedSteps, type OutChange } from './grouping';
import { regroup, regroupSteps } from './regroup';
import { missingInputFindings, overrideFindings, reasonDirectionFindings } from './narrative-overrides';
import { packetAuditFindings } from './packet-audit';

/**
 * The one list of findings every place shows and counts: the status bar, the nav badge, 检查结果,
 * 公开前检查, and the CLI's `check`, `packet`, `export` and `audit`. It has two parts so the app
 * can refresh the cheap one on every edit and the one that writes the explanation text later:
 *  - tablePart: the tables' identities and, for an imported packet, its printed text audited
 *    against the tables and itself, one finding per root cause (grouping.ts);
 *  - textPart: what the generated explanation text and the 绩效目标表 need (hand-rewritten
 *    paragraphs whose numbers disagree, missing inputs, reasons that say the opposite, weights
 *    and amounts of the 绩效目标表). These sit in the text (table 0) and never join a table group.
 */
export function allFindings(session: BudgetSession, narrative?: GeneratedNarrative): Finding[] {
  return mergeFindings(session, tablePart(session), textPart(session, narrative));
}

/** What `check` and `audit` report: the same list as the app. */
export const checkFindings = allFindings;

/** Each session's latest grouping of its table part: an edit changes a few of thousands of findings (`regroup`). */
const GROUPED = new WeakMap<BudgetSession, Grouping>();
/**
 * A table part made of the session's own findings alone: the session's list it was grouped from,
 * and whether it is in that list's order of rows still (no group's finding stands on another row
 * than its first finding): what `mergeFindings` may skip.
 */
const GROUPED_FROM = new WeakMap<readonly Finding[], { list: readonly Finding[]; inOrder: boolean }>();

/** The table part: never changed once returned (the next edit's is another list). */
export function tablePart(session: BudgetSession): Finding[] {
  return runSteps(tablePartSteps(session));
}

/**
 * `tablePart` in steps: the session's findings (`findingsSteps`) and its first grouping of them (a
 * document opened, a block made off to the side) a few thousand findings per step; after an edit it
 * is regrouped at once.
 */
export function* tablePartSteps(session: BudgetSession): Steps<Finding[]> {
  const own = yield* session.findingsSteps();
  const packet = [...packetNarrativeFindings(session), ...packetAuditFindings(session)];
  const text = session.document.narrative.printed;
  const last = GROUPED.get(session);
  let g: Grouping;
  if (packet.length === 0) {
    // The session's own list is one finding per id already; after an edit it says what changed.
    if (!last) {
      g = yield* groupedSteps(own, text, new Set(own));
      GROUPED.set(session, g);
    } else if (last.input !== own || last.text !== text) {
      const change = session.findingsChange(own);
      g = change && last.input === change.from ? regroupSteps(last, own, change.steps, text) : regroup(last, own, text);
      GROUPED.set(session, g);
    } else g = last;
    GROUPED_FROM.set(g.out, { list: own, inOrder: g.moved === 0 });
    return g.out;
  }
  g = regroup(last, unique([...own, ...packet]), text);
  GROUPED.set(session, g);
  return g.out;
}

/**
 * How the table part `list` (the latest `tablePart` of the session) differs from the one before,
 * when it was made from it by a few steps; null when it was grouped afresh (or is not the latest).
 */
export function tablePartChange(session: BudgetSession, list: readonly Finding[]): OutChange | null {
  const g = GROUPED.get(session);
  return g && g.out === list ? g.outChange : null;
}

/**
 * For an imported packet the printed text is audited as printed (tablePart): the reminders about
 * what the app would need to write its own text (missing inputs, reasons against the direction)
 * are left out, and so are the overall 绩效目标表 amounts, which are read from that text.
 */
export function textPart(session: BudgetSession, narrative?: GeneratedNarrative): Finding[] {
  const n = narrative ?? generateNarrative(session);
  const performance = performanceFindings(session, narrativeFigures(n));
  if (isImportedPacket(session)) {
    return unique([...overrideFindings(n), ...performance.filter((f) => f.rule !== 'narrative.input.missing' && !(f.rule === 'performance.amount' && f.rowKey.startsWith('perf:overall')))]);
  }
  return groupReminders(unique([...overrideFindings(n), ...performance, ...missingInputFindings(n), ...reasonDirectionFindings(n)]));
}

/** From this many reminders of one kind (the reason of every 项, the 绩效目标表 of every project) they are one item. */
const SAME_KIND = 5;

/**
 * Missing inputs of one kind are one thing to do (write the reasons of the 项 lines, fill in the
 * 绩效目标表 of the projects): one reminder listing every place, not thousands of lines.
 */
export function groupReminders(list: readonly Finding[]): Finding[] {
  // Each finding's kind worked out once (a large draft has tens of thousands of reminders).
  const kinds = list.map((f) => (f.rule === 'narrative.input.missing' ? f.id.replace(/p:[^.|]+/g, 'p:*').replace(/\d+/g, '#') : undefined));
  const byKind = new Map<string, Finding[]>();
  list.forEach((f, i) => {
    const k = kinds[i];
    if (k !== undefined) byKind.get(k)?.push(f) ?? byKind.set(k, [f]);
  });
  const out: Finding[] = [];
  list.forEach((f, i) => {
    const k = kinds[i];
    const same = k === undefined ? undefined : byKind.get(k);
    if (!same || same.length < SAME_KIND) {
      out.push(f);
      return;
    }
    if (same[0] !== f) return;
    out.push({
      ...f,
      message: `${f.message}；同类还有 ${same.length - 1} 处（见全部位置）`,
      places: same.map((x) => ({ rule: x.rule, table: 0, rowKey: x.rowKey, row: x.expected || x.row, column: '', expected: x.expected, actual: x.actual })),
    });
  });
  return out;
}

/** A document imported from a published packet keeps its printed text (sections, 编制说明, tables' notes). */
export function isImportedPacket(session: BudgetSession): boolean {
  return Object.keys(session.document.narrative.printed).length > 0;
}

/** Both parts as one list, without a finding the table part has already, by table then row; the text last. */
export function mergeFindings(session: BudgetSession, tables: readonly Finding[], text: readonly Finding[]): Finding[] {
  const all = tables.slice();
  // A table part grouped from the session's own (latest) list: no finding of the text can repeat
  // one of it unless the session has a finding of that id (a group's finding takes a member's id).
  const from = GROUPED_FROM.get(tables);
  const ownIds = from ? session.findingIds(from.list) : null;
  if (text.length > 0) {
    let seen: Set<string> | undefined;
    for (const f of text) {
      if (ownIds && !ownIds.has(f.id)) {
        all.push(f);
        continue;
      }
      seen ??= new Set(tables.map((x) => x.id));
      if (!seen.has(f.id)) all.push(f);
    }
  }
  const tableNo = (f: Finding) => (f.table === 0 ? Number.MAX_SAFE_INTEGER : f.table);
  const pos = (f: Finding) => session.rowPosition(f.table, f.rowKey) ?? Number.MAX_SAFE_INTEGER;
  // Stable: findings of one row keep the order their checks gave them. The tables' part usually
  // comes in that order already (thousands of findings after every edit): then nothing moves.
  // Grouped from the session's list with no group's finding on another row, it is, unless it has
  // findings of the text (table 0), which the session puts first and this puts last.
  const known = from?.inOrder && (tables.length === 0 || tables[0]!.table !== 0) ? Math.max(0, tables.length - 1) : 0;
  let t = Number.NEGATIVE_INFINITY;
  let p = Number.NEGATIVE_INFINITY;
  for (let k = known; k < all.length; k++) {
    const f = all[k]!;
    const ft = tableNo(f);
    const fp = pos(f);
    if (ft < t || (ft === t && fp < p)) {
      return all
        .map((x, i) => ({ f: x, i, t: tableNo(x), p: pos(x) }))
        .sort((a, b) => a.t - b.t || a.p - b.p || a.i - b.i)
        .map((x) => x.f);
    }
    t = ft;
    p = fp;
  }
  return all;
}

export function countFindings(list: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of list) if (f.severity === 'error') errors++;
  return { errors, warnings: list.length - errors };
}

/** One finding per id: the sources overlap (the packet audit repeats some 绩效目标表 amounts). */
function unique<T extends Finding>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((f) => !seen.has(f.id) && Boolean(seen.add(f.id)));
}
