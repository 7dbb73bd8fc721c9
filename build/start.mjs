// `npm start`: make sure Electron's binary is present (npm 11 skips its postinstall download),
// then launch the built app. Extra arguments (e.g. a file to open) are passed through.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

if (!existsSync(join(electronDir, 'path.txt')) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  console.log('正在下载 Electron 运行时（首次启动需要联网）…');
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(join(electronDir, 'path.txt'))) {
    console.error('无法下载 Electron 运行时：请检查网络连接（或设置 ELECTRON_MIRROR 镜像）后重试 npm start。');
    process.exit(1);
  }
}

const electronPath = createRequire(import.meta.url)('electron');
const child = spawn(electronPath, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
