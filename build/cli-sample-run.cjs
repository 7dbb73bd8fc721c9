'use strict';
// Runs one bundle of the command on a sample command line and stores the code it compiled as its
// V8 code cache (called by build/build-cli.mjs, in a process of its own per bundle).
const { runBundle } = require('../electron/cli/bundle-loader.cjs');

const [file, argv] = process.argv.slice(2);
runBundle(file, JSON.parse(argv), { writeCache: true }).then((code) => {
  process.exitCode = code;
});
