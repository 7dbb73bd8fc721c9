import type { ReactNode } from 'react';
import { RULES } from '../../shared/rules/catalog';
import type { Finding } from '../../shared/rules/finding';
import { Modal } from '../dialogs/Modal';

/**
 * 公开前检查: before printing or exporting, the errors still in the document (tables, hand-written
 * paragraphs, 绩效目标表) and the count of reminders. 返回修改 goes back; 仍然继续 goes on.
 */
export function PrePublishDialog({
  findings,
  action,
  onContinue,
  onBack,
  options,
}: {
  findings: Finding[];
  action: string;
  onContinue(): void;
  onBack(): void;
  /** Choices for the action (导出: whether to include the 检查结果 sheet). */
  options?: ReactNode;
}) {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.length - errors.length;
  return (
    <Modal title="公开前检查" onClose={onBack} wide>
      {errors.length === 0 ? (
        <p>未发现错误{warnings > 0 ? `（另有 ${warnings} 条提示）` : ''}，可以{action}。</p>
      ) : (
        <>
          <p className="count-error">
            还有 {errors.length} 个错误{warnings > 0 ? `、${warnings} 条提示` : ''}。公开的文件应当没有错误，建议返回修改。
          </p>
          <ul className="prepublish-list">
            {errors.slice(0, 200).map((f) => (
              <li key={f.id} title={RULES[f.rule]?.title ?? f.rule}>
                {f.table > 0 ? `表${f.table} ` : ''}
                {f.message}
              </li>
            ))}
            {errors.length > 200 && <li>还有 {errors.length - 200} 个错误未列出</li>}
          </ul>
        </>
      )}
      {options}
      <div className="form-actions">
        <button type="button" onClick={onBack}>
          返回修改
        </button>
        <button type="button" onClick={onContinue} className={errors.length ? 'danger' : ''}>
          {errors.length ? `仍然${action}` : action}
        </button>
      </div>
    </Modal>
  );
}

/**
 * 导出 Excel's choice: 合计、小计 as SUM formulas (with cached results) so the sheet stays live in
 * Excel/WPS. Off by default: the workbook is usually the copy sent to 财政, whose figures must stay
 * the checked ones even if someone edits a line in Excel.
 */
export function FormulasOption({ checked, onChange }: { checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="export-option">
      <input type="checkbox" name="formulas" checked={checked} onChange={(e) => onChange(e.target.checked)} /> 合计、小计写成公式（SUM，在 Excel/WPS 中修改明细后自动重算）
    </label>
  );
}

/** 导出 Excel's choice: the app's 检查结果 as a last sheet (for the department's own copy). */
export function FindingsSheetOption({ checked, onChange }: { checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="export-option">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> 附“检查结果”工作表（本单位留存用；报送财政的文件不要勾选）
    </label>
  );
}
