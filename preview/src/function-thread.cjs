/* eslint-disable @typescript-eslint/no-require-imports -- app functions are CommonJS and HubSpot loads them with require() */
// Runs one app function as HubSpot's runtime does: require the CommonJS entry, await exports.main(context)
// and hand back its value as JSON. Runs in its own worker thread, so each call sees fresh code and its own env.
const { parentPort, workerData } = require('node:worker_threads');

async function run() {
  const entry = require(workerData.file);
  if (typeof entry.main !== 'function') {
    throw new Error(`${workerData.uid}: ${workerData.file} does not export a main function`);
  }
  const value = await entry.main(workerData.context);
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

run().then(
  (response) => parentPort.postMessage({ ok: true, response }),
  (error) =>
    parentPort.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    }),
);
