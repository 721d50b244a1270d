// A rescore checkpoint kept in a file, as a run outside HubSpot keeps it: the last company id
// whose results were written, and the task creates held for a full call. Written atomically so an
// interrupted run never leaves half a file.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** @param {string} file */
function readData(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

/** @param {string} file @returns {Required<import('../src/app/functions/lib/portfolio.js').Checkpoint> & { clear(): Promise<void> }} */
function fileCheckpoint(file) {
  return {
    async load() {
      const data = readData(file);
      return typeof data.lastId === 'string' && /^\d+$/.test(data.lastId) ? data.lastId : undefined;
    },
    async pending() {
      const data = readData(file);
      return Array.isArray(data.pending) ? data.pending : [];
    },
    async save(lastId, totals, pending) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      const data = { lastId, totals, pending, savedAt: new Date().toISOString() };
      const fd = fs.openSync(tmp, 'w');
      fs.writeSync(fd, JSON.stringify(data));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(tmp, file);
    },
    async clear() {
      fs.rmSync(file, { force: true });
    },
  };
}

module.exports = { fileCheckpoint };
