// A rescore checkpoint kept in a file, as a run outside HubSpot keeps it: the last company id
// whose results were written. Written atomically so an interrupted run never leaves half a file.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** @param {string} file @returns {import('../src/app/functions/lib/portfolio.js').Checkpoint & { clear(): Promise<void> }} */
function fileCheckpoint(file) {
  return {
    async load() {
      try {
        const data = JSON.parse(fs.readFileSync(file, 'utf8'));
        return typeof data.lastId === 'string' && /^\d+$/.test(data.lastId)
          ? data.lastId
          : undefined;
      } catch {
        return undefined;
      }
    },
    async save(lastId) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ lastId, savedAt: new Date().toISOString() }));
      fs.renameSync(tmp, file);
    },
    async clear() {
      fs.rmSync(file, { force: true });
    },
  };
}

module.exports = { fileCheckpoint };
