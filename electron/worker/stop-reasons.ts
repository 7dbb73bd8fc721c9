/** Why a worker thread was stopped, worded alike for jobs (`处理`) and the documents thread (`处理文档`). */
const LIKELY = '（文件可能过大或格式异常）';

export const overTime = (what: string, ms: number): string => `${what}超过 ${Number((ms / 1000).toFixed(1))} 秒仍未完成，已停止${LIKELY}`;

export const overMemory = (what: string, mb: number): string => `${what}所需内存超过 ${mb} MB 的上限，已停止${LIKELY}`;
