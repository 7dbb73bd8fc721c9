import { useState } from 'react';
import { BUILTIN_FORMATS, DEFAULT_FORMAT_ID } from '../../shared/formats/registry';
import { type BudgetDocument, MAX_DEPARTMENT_CHARS, newDocument } from '../../shared/model';
import { Modal } from './Modal';

/** 文件 → 新建: the short form (部门名称, 年度, 表格格式, 金额单位). A format that prints in 元 enters in 元. */
export function NewDialog(props: { defaultUnit: '万元' | '元'; dirty: boolean; onCreate(doc: BudgetDocument): void; onClose(): void }) {
  const [department, setDepartment] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [unit, setUnit] = useState<'万元' | '元'>(props.defaultUnit);
  const [format, setFormat] = useState(DEFAULT_FORMAT_ID);
  const chooseFormat = (id: string) => {
    setFormat(id);
    const entry = BUILTIN_FORMATS[id]?.entryUnit;
    if (entry) setUnit(entry);
  };
  // 元 tables (Shanghai 表1–8) print in 元; the Xinjiang tables print in 万元 whatever the entry unit.
  const printsYuan = BUILTIN_FORMATS[format]?.tables.some((t) => t.printUnit === '元') ?? false;
  const [error, setError] = useState('');
  const submit = () => {
    const d = department.trim();
    if (!d) return setError('请填写部门名称');
    if (d.length > MAX_DEPARTMENT_CHARS) return setError(`部门名称过长（${d.length} 个字，最多 ${MAX_DEPARTMENT_CHARS} 个字）`);
    const y = Number(year.trim());
    if (!Number.isInteger(y) || y < 1990 || y > 2200) return setError(`预算年度“${year}”无效，应为四位年份，如 2025`);
    props.onCreate(newDocument(d, y, unit, format));
  };
  return (
    <Modal title="新建部门预算" onClose={props.onClose}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          部门名称
          <input name="department" value={department} placeholder="如：某某局" onChange={(e) => setDepartment(e.target.value)} />
        </label>
        <label>
          预算年度
          <input name="year" value={year} inputMode="numeric" onChange={(e) => setYear(e.target.value)} />
        </label>
        <label>
          表格格式
          <select name="format" value={format} onChange={(e) => chooseFormat(e.target.value)}>
            {Object.values(BUILTIN_FORMATS).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          录入金额单位
          <select name="unit" value={unit} onChange={(e) => setUnit(e.target.value === '元' ? '元' : '万元')}>
            <option value="万元">万元（保留两位小数）</option>
            <option value="元">{printsYuan ? '元（保留两位小数）' : '元（表格仍按万元列示）'}</option>
          </select>
        </label>
        {props.dirty && <p className="hint">当前文档有未保存的修改；新建后可在启动时的“恢复”中找回自动保存的副本。</p>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit">新建</button>
          <button type="button" onClick={props.onClose}>
            取消
          </button>
        </div>
      </form>
    </Modal>
  );
}
