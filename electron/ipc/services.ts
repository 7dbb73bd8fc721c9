import type { FileServices } from './deps';

/**
 * The importers and exporters the app ships with, wired to the IPC handlers.
 * Missing entries answer “尚未支持”.
 */
export const defaultServices: FileServices = {};
