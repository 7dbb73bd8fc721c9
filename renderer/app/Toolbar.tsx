import type { MenuCommand } from '../../shared/ipc/contract';

/** The menu's commands as buttons in the page (the same handlers as the application menu). */
const GROUPS: Array<Array<[MenuCommand, string]>> = [
  [
    ['file:new', '新建'],
    ['file:open', '打开'],
    ['file:save', '保存'],
    ['file:saveAs', '另存为'],
  ],
  [
    ['file:import', '导入…'],
    ['file:nextYear', '生成下一年度'],
    ['file:exportXlsx', '导出 Excel…'],
    ['file:print', '打印公开文件…'],
  ],
  [
    ['edit:undo', '撤销'],
    ['edit:redo', '重做'],
  ],
  [
    ['help:guide', '使用说明'],
    ['help:about', '关于'],
  ],
];

export function Toolbar({ run, canUndo, canRedo }: { run(c: MenuCommand): void; canUndo: boolean; canRedo: boolean }) {
  return (
    <div className="toolbar" role="toolbar" aria-label="工具栏">
      <span className="app-name">部门预算公开编制台</span>
      {GROUPS.map((g) => (
        <span className="tool-group" key={g[0]![0]}>
          {g.map(([cmd, label]) => (
            <button
              type="button"
              key={cmd}
              data-cmd={cmd}
              disabled={(cmd === 'edit:undo' && !canUndo) || (cmd === 'edit:redo' && !canRedo)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(cmd)}
            >
              {label}
            </button>
          ))}
        </span>
      ))}
    </div>
  );
}
