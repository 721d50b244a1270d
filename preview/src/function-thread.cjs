/* eslint-disable @typescript-eslint/no-require-imports -- app functions are CommonJS and HubSpot loads them with require() */
// Runs one app function as HubSpot's runtime does: require the CommonJS entry, await exports.main(context)
// and hand back its value as JSON. Each call gets a thread of its own, so it sees fresh code, fresh globals and
// its own env. The thread loads the function package's dependencies before its call arrives: they are most of
// a call's cost, and loading them is the same whether it happens before or after the call is known.
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire, enableCompileCache } = require('node:module');
const { statSync } = require('node:fs');
const { join, sep } = require('node:path');

// Compiled code is cached on disk (Node 22+), so each fresh thread compiles the same modules faster.
enableCompileCache?.();

const packageRequire = createRequire(join(workerData.packageDir, 'package.json'));
for (const name of workerData.preload) {
  try {
    packageRequire(name);
  } catch {
    // The function's own require of it reports the failure, as it would without the head start.
  }
}

const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};
// Workspace packages (the core's build) may be rebuilt while the thread waits; installed packages are not.
const loaded = Object.keys(require.cache)
  .filter((file) => !file.includes(`${sep}node_modules${sep}`))
  .map((file) => [file, mtime(file)]);
const stale = () => loaded.some(([file, seen]) => mtime(file) !== seen);

async function run(call) {
  const entry = require(call.file);
  if (typeof entry.main !== 'function') {
    throw new Error(`${call.uid}: ${call.file} does not export a main function`);
  }
  const started = performance.now();
  const value = await entry.main(call.context);
  const functionMs = performance.now() - started;
  return { response: value === undefined ? null : JSON.parse(JSON.stringify(value)), functionMs };
}

parentPort.postMessage({ type: 'ready' });
parentPort.once('message', (call) => {
  if (stale()) return parentPort.postMessage({ type: 'stale' });
  run(call).then(
    ({ response, functionMs }) =>
      parentPort.postMessage({ type: 'result', ok: true, response, functionMs }),
    (error) =>
      parentPort.postMessage({
        type: 'result',
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      }),
  );
});
