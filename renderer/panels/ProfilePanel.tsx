import { type BudgetDocument, MAX_DEPARTMENT_CHARS } from '../../shared/model';
import type { ViewProps } from '../app/view-props';
import { sameData, useFormDraft } from '../state/form-draft';
import type { DocStore } from '../state/store';

type Staff = BudgetDocument['profile']['staff'];
const STAFF_FIELDS: Array<[keyof Staff, string]> = [
  ['authorized', '编制数'],
  ['actual', '实有人数'],
  ['active', '在职'],
  ['activeChange', '在职增减'],
  ['retired', '退休'],
  ['retiredChange', '退休增减'],
  ['veteran', '离休'],
  ['veteranChange', '离休增减'],
];

interface Draft {
  department: string;
  year: string;
  functions: string;
  offices: string;
  subUnits: string;
  staff: Record<string, string>;
}

function draftOf(doc: BudgetDocument): Draft {
  const staff: Record<string, string> = {};
  for (const [k] of STAFF_FIELDS) staff[k] = doc.profile.staff[k] === undefined ? '' : String(doc.profile.staff[k]);
  return {
    department: doc.department,
    year: String(doc.year),
    functions: doc.profile.functions,
    offices: doc.profile.offices.join('\n'),
    subUnits: doc.subUnits.join('\n'),
    staff,
  };
}

const lines = (s: string) =>
  s
    .split(/\n|、/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Writes the form into the document as one undoable step; a value that is not valid is refused with its reason. */
function applyProfile(store: DocStore, draft: Draft) {
  return store.updateDocument('修改部门概况', (d) => {
    const dept = draft.department.trim();
    if (!dept) return { ok: false, reason: '部门名称不能为空' };
    if (dept.length > MAX_DEPARTMENT_CHARS) return { ok: false, reason: `部门名称过长（${dept.length} 个字，最多 ${MAX_DEPARTMENT_CHARS} 个字），未修改` };
    const year = Number(draft.year);
    if (!Number.isInteger(year) || year < 1990 || year > 2200) return { ok: false, reason: `预算年度“${draft.year}”无效（应为 1990–2200 之间的整数）` };
    const staff: Staff = {};
    for (const [k, label] of STAFF_FIELDS) {
      const t = (draft.staff[k] ?? '').trim();
      if (t === '') continue;
      const n = Number(t.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
      if (!Number.isInteger(n) || Math.abs(n) > 1_000_000) return { ok: false, reason: `${label}“${t}”应为整数` };
      staff[k] = n;
    }
    d.department = dept;
    d.year = year;
    d.profile.functions = draft.functions.trim();
    d.profile.offices = lines(draft.offices);
    d.subUnits = lines(draft.subUnits);
    d.profile.staff = staff;
    return { ok: true };
  });
}

/**
 * 第一部分 部门概况: functions, offices, staff numbers. What is typed is stored as the user leaves
 * the field (or the page), one undoable step each time, like the narrative inputs.
 */
export function ProfilePanel({ store, version, message }: ViewProps) {
  const form = useFormDraft<Draft>({
    store,
    version,
    form: 'profile',
    title: '部门概况',
    stored: () => draftOf(store.document),
    same: sameData,
    apply: (d) => applyProfile(store, d),
    message,
  });
  const draft = form.draft;
  const apply = () => {
    const was = form.pending;
    if (form.commit().ok && was) message('info', '部门概况已更新');
  };
  const set = (patch: Partial<Draft>) => form.set({ ...draft, ...patch });
  return (
    <section className="profile-page" aria-label="部门概况">
      <header className="table-head">
        <h2>第一部分 部门概况</h2>
      </header>
      <form
        className="profile-form"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
        onBlur={(e) => {
          // Leaving a field stores it (the 应用 button stays for those who look for it).
          if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) apply();
        }}
      >
        <label>
          部门名称
          <input name="department" value={draft.department} onChange={(e) => set({ department: e.target.value })} />
        </label>
        <label>
          预算年度
          <input name="year" value={draft.year} inputMode="numeric" onChange={(e) => set({ year: e.target.value })} />
        </label>
        <label className="wide">
          一、主要职能
          <textarea name="functions" rows={6} value={draft.functions} onChange={(e) => set({ functions: e.target.value })} />
        </label>
        <label>
          内设科室（每行一个）
          <textarea name="offices" rows={4} value={draft.offices} onChange={(e) => set({ offices: e.target.value })} />
        </label>
        <label>
          下属预算单位（每行一个，没有则留空）
          <textarea name="subUnits" rows={4} value={draft.subUnits} onChange={(e) => set({ subUnits: e.target.value })} />
        </label>
        <fieldset className="wide staff">
          <legend>二、机构设置及人员情况（人）</legend>
          {STAFF_FIELDS.map(([k, label]) => (
            <label key={k}>
              {label}
              <input
                name={k}
                inputMode="numeric"
                value={draft.staff[k] ?? ''}
                onChange={(e) => set({ staff: { ...draft.staff, [k]: e.target.value } })}
              />
            </label>
          ))}
        </fieldset>
        <div className="wide form-actions">
          <button type="submit">应用修改</button>
          {/* Keeps the focus in the field, so leaving it does not store what is being discarded. */}
          <button type="button" disabled={!form.pending} onMouseDown={(e) => e.preventDefault()} onClick={() => form.discard()}>
            放弃修改
          </button>
        </div>
      </form>
    </section>
  );
}
