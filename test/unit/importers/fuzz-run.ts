import { BudgetSession } from '../../../shared/engine/session';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { packetNarrativeFindings } from '../../../shared/importers/packet/narrative-audit';
import { validateDocument } from '../../../shared/model';
import { generateNarrative } from '../../../shared/narrative/generate';
import { checkFindings } from '../../../shared/rules/all-findings';
import { nextYearDocument } from '../../../shared/next-year/next-year';

/** What happened to one fuzzed packet: its import's CPU and wall time, and any problem found. */
export interface FuzzOutcome {
  imported: boolean;
  cpuMs: number;
  wallMs: number;
  problem?: string;
}

/**
 * Import a packet and, when it imports, do everything the app does next with the document:
 * validate it, check it, generate the narrative, audit the printed narrative (and its text), make next year.
 * The import is timed by this process's CPU time (the limit is the work done, which a loaded
 * test machine does not change) and by the wall clock (reported).
 */
export function runFuzzCase(text: string): FuzzOutcome {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let r: ReturnType<typeof importPacketText>;
  try {
    r = importPacketText(text);
  } catch (e) {
    return { imported: false, cpuMs: 0, wallMs: 0, problem: `importer threw: ${e instanceof Error ? e.message : String(e)}` };
  }
  const cpu = process.cpuUsage(c0);
  const out: FuzzOutcome = { imported: r.ok, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0 };
  if (!r.ok) {
    if (!/[\u4e00-\u9fff]/.test(r.error)) out.problem = `refusal without a Chinese reason: ${r.error}`;
    return out;
  }
  try {
    const v = validateDocument(JSON.parse(JSON.stringify(r.doc)));
    if (!v.ok) {
      out.problem = `invalid document: ${v.error}`;
      return out;
    }
    const session = BudgetSession.open(r.doc);
    session.findings();
    generateNarrative(session);
    packetNarrativeFindings(session);
    checkFindings(session);
    nextYearDocument(r.doc);
  } catch (e) {
    out.problem = `after import: ${e instanceof Error ? e.message : String(e)}`;
  }
  return out;
}
