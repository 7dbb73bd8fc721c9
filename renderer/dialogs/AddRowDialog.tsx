import { useMemo, useState } from 'react';
import { codeListFor } from '../../shared/classification/names';
import type { DialogRequest, FocusRequest } from '../app/view-props';
import { addCarryover, addEconomicItem, addFunctionItem, addProject, codeChoices, searchCodes } from '../state/row-ops';
import type { DocStore } from '../state/store';
import { Modal } from './Modal';

const TITLES: Record<DialogRequest['kind'], string> = {
  addFunction: '添加功能分类科目（项）',
  addEconomic: '添加经济分类科目（款）',
  addProject: '添加项目（表7）',
  addCarryover: '添加结转结余项目（表11）',
};

/** Add a row: a 项 or economic 款 found by code or name in the code list, or a named project. */
export function AddRowDialog(props: {
  store: DocStore;
  request: DialogRequest;
  onDone(focus: Omit<FocusRequest, 'seq'>, text: string): void;
  onClose(): void;
  /** 文件 → 导入科目表…, run from here; the list then offers the imported codes. */
  onImportCodeList(): Promise<void>;
}) {
  const { store, request } = props;
  const doc = store.document;
  const kind = request.kind;
  const needsCode = kind !== 'addCarryover';
  const codeKind = kind === 'addEconomic' ? 'economic' : 'function';
  // The document object stays the same when a list is imported into it: key on the list too.
  const imported = doc.classification?.[codeKind];
  // biome-ignore lint/correctness/useExhaustiveDependencies: `imported` is what changes inside `doc`
  const choices = useMemo(() => codeChoices(doc, codeKind), [doc, imported, codeKind]);
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [project, setProject] = useState('');
  const [unit, setUnit] = useState('');
  const [error, setError] = useState('');
  const [importing, setImporting] = useState(false);
  const builtinOnly = codeListFor(doc).builtin[codeKind];
  const matches = useMemo(() => (needsCode ? searchCodes(choices, query, 30) : []), [choices, query, needsCode]);
  const code = query.replace(/\s+/g, '');
  const exact = choices.find((c) => c.code === code);
  const codeLen = codeKind === 'function' ? 7 : 5;
  const unknownCode = needsCode && /^\d+$/.test(code) && code.length === codeLen && !exact;

  const submit = () => {
    let label = '';
    let focus: Omit<FocusRequest, 'seq'> | null = null;
    const r = store.updateDocument(TITLES[kind], (d) => {
      if (kind === 'addFunction') {
        const x = addFunctionItem(d, code, name);
        label = `科目 ${code}`;
        focus = { table: 2, rowKey: code, col: '3' };
        return x;
      }
      if (kind === 'addEconomic') {
        const x = addEconomicItem(d, code, name);
        label = `经济科目 ${code}`;
        focus = { table: 6, rowKey: code, col: '2' };
        return x;
      }
      if (kind === 'addProject') {
        const x = addProject(d, { code, project, unit });
        label = `项目“${project.trim()}”`;
        if (x.ok) focus = { table: 7, rowKey: `p:${x.id}`, col: '3' };
        return x;
      }
      const x = addCarryover(d, { project, unit });
      label = `结转项目“${project.trim()}”`;
      if (x.ok) focus = { table: 11, rowKey: `c:${x.id}`, col: '5' };
      return x;
    });
    if (!r.ok) return setError(r.reason);
    if (focus) props.onDone(focus, `已添加${label}，可用“撤销”取消`);
  };

  const units = [doc.department, ...doc.subUnits];
  return (
    <Modal title={TITLES[kind]} onClose={props.onClose} wide>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {needsCode && (
          <>
            <label>
              {codeKind === 'function' ? '科目编码或名称' : '经济科目编码或名称'}
              <input
                name="code"
                value={query}
                autoComplete="off"
                placeholder={codeKind === 'function' ? '如 2010301 或 行政运行' : '如 30201 或 办公费'}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setError('');
                }}
              />
            </label>
            {exact ? (
              <p className="chosen">
                {exact.code} {exact.name}
                {exact.path && <span className="path">（{exact.path}）</span>}
              </p>
            ) : (
              <ul className="code-matches" aria-label="匹配的科目">
                {matches.map((c) => (
                  <li key={c.code}>
                    <button type="button" data-code={c.code} onClick={() => setQuery(c.code)}>
                      <span className="code">{c.code}</span> {c.name} <span className="path">{c.path}</span>
                    </button>
                  </li>
                ))}
                {matches.length === 0 && <li className="hint">科目表中没有匹配的科目；可直接输入 {codeLen} 位编码并填写名称。</li>}
              </ul>
            )}
            {unknownCode && kind !== 'addProject' && (
              <>
                <p className="form-warning" role="status">
                  编码 {code} 不在科目表中：填写名称后仍可添加，检查结果中会列为“提示”（编码不在科目表中），请核对编码。
                </p>
                <label>
                  科目名称（科目表中没有此编码）
                  <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
                </label>
              </>
            )}
            <p className="code-list-source">
              {builtinOnly
                ? `现用内置科目表，只收录已公开文件中印有的 ${choices.length} 个${codeKind === 'function' ? '项' : '款'}。完整科目表可从预算系统导出为 Excel 或 CSV（科目编码、科目名称两列），用“文件 → 导入科目表…”导入。`
                : `现用已导入的科目表（${choices.length} 个${codeKind === 'function' ? '项' : '款'}）；可再次导入以更新。`}{' '}
              <button
                type="button"
                data-action="import-code-list"
                disabled={importing}
                onClick={async () => {
                  setImporting(true);
                  try {
                    await props.onImportCodeList();
                  } finally {
                    setImporting(false);
                  }
                }}
              >
                {importing ? '正在导入…' : '导入科目表…'}
              </button>
            </p>
          </>
        )}
        {(kind === 'addProject' || kind === 'addCarryover') && (
          <>
            <label>
              项目名称
              <input name="project" value={project} onChange={(e) => setProject(e.target.value)} />
            </label>
            <label>
              预算单位
              <select name="unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
                {units.map((u, i) => (
                  <option key={u} value={i === 0 ? '' : u}>
                    {u}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit">添加</button>
          <button type="button" onClick={props.onClose}>
            取消
          </button>
        </div>
      </form>
    </Modal>
  );
}
