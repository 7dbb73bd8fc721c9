#!/usr/bin/env node
// The `budget-desk` command: runs the TypeScript CLI through tsx (no build step needed).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = dirname(fileURLToPath(import.meta.url));
const { main } = await import(pathToFileURL(join(here, 'main.ts')).href);
process.exitCode = await main(process.argv.slice(2));
