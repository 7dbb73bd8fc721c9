import { useEffect, useState } from 'react';
import { invoke } from '../desk';
import { Modal } from './Modal';

type Info = { version: string; licenses: Array<{ name: string; version: string; license: string }> };

/** 帮助 → 关于: version and the licences of the bundled libraries (from main, `app:info`). */
export function AboutDialog({ onClose }: { onClose(): void }) {
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    invoke('app:info', {}).then((r) => (r.ok ? setInfo({ version: r.version, licenses: r.licenses }) : setError(r.error)));
  }, []);
  return (
    <Modal title="关于 部门预算公开编制台" onClose={onClose} wide>
      <p>
        部门预算公开编制台 {info ? `版本 ${info.version}` : ''}
        <br />
        用于编制、检查、导出和打印部门预算公开文件。本软件按 MIT 许可证发布。
      </p>
      {error && <p className="form-error">{error}</p>}
      {info && (
        <>
          <h3>所含第三方软件及其许可证</h3>
          <table className="licenses">
            <thead>
              <tr>
                <th>名称</th>
                <th>版本</th>
                <th>许可证</th>
              </tr>
            </thead>
            <tbody>
              {info.licenses.map((l) => (
                <tr key={`${l.name}@${l.version}`}>
                  <td>{l.name}</td>
                  <td>{l.version}</td>
                  <td>{l.license}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Modal>
  );
}
