// Reads that do not depend on each other go out together. Waiting for every one of them before
// failing keeps an answer from depending on which request came back first, and leaves no request
// running after the function has answered.
'use strict';

/**
 * Like Promise.all, but settles every promise first and then throws the first failure in the
 * order given, so the error a caller sees is the same whatever the timing.
 * @template {readonly unknown[]} T
 * @param {T} promises
 * @returns {Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }>}
 */
async function settleAll(promises) {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw /** @type {PromiseRejectedResult} */ (failed).reason;
  return /** @type {any} */ (
    settled.map((s) => /** @type {PromiseFulfilledResult<unknown>} */ (s).value)
  );
}

module.exports = { settleAll };
