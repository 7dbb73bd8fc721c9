import { useEffect, useRef, useState } from 'react';
import { JOB_STAGES, type JobProgress } from '../../shared/ipc/contract';
import { invoke } from '../desk';

/**
 * While main runs an import, export or print in its worker thread: what runs, the stage, a
 * progress bar and 取消. The window stays responsive; the panel covers the document so it is
 * not edited under an import that will replace it. 取消 leaves the document as it was.
 */
export function JobProgressPanel({ message }: { message(kind: 'error' | 'info', text: string): void }) {
  const [job, setJob] = useState<JobProgress | null>(null);
  const [canceling, setCanceling] = useState(false);
  // A late progress event of a finished job must not bring its panel back.
  const finished = useRef(new Set<string>());

  useEffect(() => {
    const desk = window.desk;
    if (!desk) return;
    return desk.onJobProgress((p) => {
      if (finished.current.has(p.jobId)) return;
      if (p.done) {
        finished.current.add(p.jobId);
        setJob((j) => (j?.jobId === p.jobId ? null : j));
        setCanceling(false);
      } else setJob(p);
    });
  }, []);

  if (!job) return null;
  const cancel = async () => {
    setCanceling(true);
    const r = await invoke('job:cancel', { jobId: job.jobId });
    if (r.ok && r.canceled) message('info', `已取消${job.title}，文档未改动`);
    else if (!r.ok) message('error', r.error);
  };
  return (
    <div className="modal-backdrop job-backdrop">
      <div className="modal job-panel" role="dialog" aria-modal="true" aria-label="正在处理">
        <div className="modal-body">
          <p className="job-title">{job.title}</p>
          <p className="job-stage" data-testid="job-stage">
            {canceling ? '正在取消…' : JOB_STAGES[job.stage]}
          </p>
          <progress max={1} value={job.fraction} aria-label="进度" />
          <div className="form-actions">
            <button type="button" data-action="cancel-job" disabled={canceling} onClick={() => void cancel()}>
              取消
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
