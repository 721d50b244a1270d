/** Salesforce record ids: a 3-character key prefix per object, 15 case-sensitive characters, 3 more to survive case-folding. */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** The sandbox org's pod and instance part, after the prefix. */
const INSTANCE = '5g0000';

/** Salesforce's 18-character form: each 5-character chunk adds one letter encoding which of its characters are upper case. */
export function to18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15[chunk * 5 + i]!;
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX[bits];
  }
  return id15 + suffix;
}

/** The `n`th id of an object with `prefix`, always 18 characters. */
export function recordId(prefix: string, n: number): string {
  let serial = '';
  for (let v = n; serial.length < 6; v = Math.floor(v / 62)) serial = BASE62[v % 62]! + serial;
  if (n >= 62 ** 6) throw new Error(`id serial ${n} is out of range`);
  return to18(`${prefix}${INSTANCE}${serial}`);
}

/** The 18-character form of a 15- or 18-character id, or undefined when it is not an id. */
export function normaliseId(id: string): string | undefined {
  if (/^[0-9A-Za-z]{15}$/.test(id)) return to18(id);
  if (/^[0-9A-Za-z]{18}$/.test(id) && to18(id.slice(0, 15)) === id) return id;
  return undefined;
}

/** The serial `recordId` encoded, so a reloaded org never issues an id twice. */
export function serialOf(id: string): number {
  let n = 0;
  for (const ch of id.slice(9, 15)) n = n * 62 + BASE62.indexOf(ch);
  return n;
}
