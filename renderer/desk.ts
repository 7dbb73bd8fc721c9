import type { Channel, DeskApi, Request, Responses } from '../shared/ipc/contract';

declare global {
  interface Window {
    desk?: DeskApi;
  }
}

/**
 * The bridge preload exposes (or an e2e test bridges in). In a plain browser there is none:
 * file commands then answer with a Chinese explanation instead of failing silently.
 */
export async function invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Responses[C]> {
  const desk = window.desk;
  if (!desk) return { ok: false, error: '此功能需要在桌面应用中使用（未连接到主进程）' } as Responses[C];
  try {
    return await desk.invoke(channel, request);
  } catch (e) {
    return { ok: false, error: `与主进程通信失败：${e instanceof Error ? e.message : String(e)}` } as Responses[C];
  }
}

export function hasDesk(): boolean {
  return window.desk !== undefined;
}
