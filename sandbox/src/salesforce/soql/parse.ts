import { SoqlError } from './ast.js';
import type { Condition, Literal, Operator, OrderItem, SoqlQuery } from './ast.js';

type Token =
  | { t: 'word'; v: string; at: number }
  | { t: 'string'; v: string; at: number }
  | { t: 'number'; v: number; raw: string; at: number }
  | { t: 'date'; v: string; at: number }
  | { t: 'datetime'; v: number; raw: string; at: number }
  | { t: 'op'; v: string; at: number }
  | { t: 'end'; at: number };

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const NUMBER = /^-?\d+(\.\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_.]*(:\d+)?/;
const OPS = ['!=', '<>', '<=', '>=', '=', '<', '>', '(', ')', ','];
const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  "'": "'",
  '"': '"',
  '\\': '\\',
  _: '\\_',
  '%': '\\%',
};

function tokenize(soql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const c = soql[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = soql.slice(i);
    if (c === "'") {
      let v = '';
      let j = i + 1;
      for (; j < soql.length && soql[j] !== "'"; j++) {
        if (soql[j] === '\\') {
          const e = ESCAPES[soql[j + 1] ?? ''];
          if (e === undefined) throw malformed(soql, j, 'Invalid string literal');
          v += e;
          j++;
        } else v += soql[j];
      }
      if (j >= soql.length) throw malformed(soql, i, 'unterminated string literal');
      out.push({ t: 'string', v, at: i });
      i = j + 1;
      continue;
    }
    let m = DATETIME.exec(rest);
    if (m) {
      out.push({ t: 'datetime', v: Date.parse(m[0]), raw: m[0], at: i });
      i += m[0].length;
      continue;
    }
    if ((m = DATE.exec(rest))) {
      out.push({ t: 'date', v: m[0], at: i });
      i += m[0].length;
      continue;
    }
    if ((m = NUMBER.exec(rest))) {
      out.push({ t: 'number', v: Number(m[0]), raw: m[0], at: i });
      i += m[0].length;
      continue;
    }
    if ((m = WORD.exec(rest))) {
      out.push({ t: 'word', v: m[0], at: i });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => rest.startsWith(o));
    if (!op) throw malformed(soql, i, `unexpected token: '${c}'`);
    out.push({ t: 'op', v: op === '<>' ? '!=' : op, at: i });
    i += op.length;
  }
  out.push({ t: 'end', at: soql.length });
  return out;
}

function malformed(soql: string, at: number, what: string): SoqlError {
  return new SoqlError(
    'MALFORMED_QUERY',
    `\n${soql}\n${' '.repeat(Math.min(at, soql.length))}^\nERROR at Row:1:Column:${at + 1}\n${what}`,
  );
}

const RESERVED = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'ORDER',
  'BY',
  'LIMIT',
  'OFFSET',
  'WITH',
  'NULL',
  'TRUE',
  'FALSE',
]);

/** Date literals Salesforce resolves to whole days; the `_N_` ones take `:n`. */
export const DATE_LITERALS = new Set([
  'YESTERDAY',
  'TODAY',
  'TOMORROW',
  'LAST_WEEK',
  'THIS_WEEK',
  'NEXT_WEEK',
  'LAST_MONTH',
  'THIS_MONTH',
  'NEXT_MONTH',
  'LAST_YEAR',
  'THIS_YEAR',
  'NEXT_YEAR',
  'LAST_N_DAYS',
  'NEXT_N_DAYS',
  'N_DAYS_AGO',
]);

/** Parses one SOQL statement of the subset (see SoqlQuery); anything else is MALFORMED_QUERY. */
export function parseSoql(soql: string): SoqlQuery {
  const tokens = tokenize(soql);
  let pos = 0;
  const peek = () => tokens[pos]!;
  const isWord = (w: string, tok = peek()) => tok.t === 'word' && tok.v.toUpperCase() === w;
  const isOp = (o: string, tok = peek()) => tok.t === 'op' && tok.v === o;
  const fail = (tok = peek()): never => {
    throw malformed(
      soql,
      tok.at,
      tok.t === 'end'
        ? 'unexpected end of query'
        : `unexpected token: '${'raw' in tok ? tok.raw : tok.v}'`,
    );
  };
  const expectWord = (w: string) => (isWord(w) ? pos++ : fail());
  const expectOp = (o: string) => (isOp(o) ? pos++ : fail());
  const path = (): string[] => {
    const tok = peek();
    if (
      tok.t !== 'word' ||
      tok.v.includes(':') ||
      tok.v.endsWith('.') ||
      RESERVED.has(tok.v.toUpperCase())
    )
      return fail();
    pos++;
    return tok.v.split('.');
  };

  expectWord('SELECT');
  const fields: string[][] = [];
  let count = false;
  if (isWord('COUNT') && isOp('(', tokens[pos + 1]) && isOp(')', tokens[pos + 2])) {
    count = true;
    pos += 3;
  } else {
    do {
      if (isOp('('))
        throw new SoqlError('MALFORMED_QUERY', 'Subqueries are not supported by the csops sandbox');
      fields.push(path());
    } while (isOp(',') && ++pos);
  }
  expectWord('FROM');
  const from = path();
  if (from.length !== 1) fail(tokens[pos - 1]);
  const query: SoqlQuery = { fields, count, from: from[0]!, orderBy: [] };

  if (isWord('WHERE')) {
    pos++;
    query.where = orCondition();
  }
  if (isWord('WITH')) {
    pos++;
    // WITH SECURITY_ENFORCED / USER_MODE / SYSTEM_MODE: the sandbox's one user sees everything.
    if (!['SECURITY_ENFORCED', 'USER_MODE', 'SYSTEM_MODE'].some((w) => isWord(w))) fail();
    pos++;
  }
  if (isWord('ORDER')) {
    pos++;
    expectWord('BY');
    do query.orderBy.push(orderItem());
    while (isOp(',') && ++pos);
  }
  if (isWord('LIMIT')) {
    pos++;
    query.limit = wholeNumber();
  }
  if (isWord('OFFSET')) {
    pos++;
    query.offset = wholeNumber();
    if (query.offset > 2000)
      throw new SoqlError('NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is 2000`);
  }
  if (peek().t !== 'end') fail();
  return query;

  function wholeNumber(): number {
    const tok = peek();
    if (tok.t !== 'number' || !Number.isInteger(tok.v) || tok.v < 0) return fail();
    pos++;
    return tok.v;
  }

  function orderItem(): OrderItem {
    const field = path();
    let desc = false;
    if (isWord('ASC')) pos++;
    else if (isWord('DESC')) {
      pos++;
      desc = true;
    }
    let nullsLast = desc;
    if (isWord('NULLS')) {
      pos++;
      if (isWord('FIRST')) nullsLast = false;
      else if (isWord('LAST')) nullsLast = true;
      else fail();
      pos++;
    }
    return { field, desc, nullsLast };
  }

  function orCondition(): Condition {
    const parts = [andCondition()];
    while (isWord('OR')) {
      pos++;
      parts.push(andCondition());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  }

  function andCondition(): Condition {
    const parts = [notCondition()];
    while (isWord('AND')) {
      pos++;
      parts.push(notCondition());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  }

  function notCondition(): Condition {
    if (isWord('NOT')) {
      pos++;
      return { kind: 'not', inner: notCondition() };
    }
    if (isOp('(')) {
      pos++;
      const inner = orCondition();
      expectOp(')');
      return inner;
    }
    const field = path();
    if (isWord('NOT') && isWord('IN', tokens[pos + 1])) {
      pos += 2;
      return { kind: 'in', field, negate: true, values: list() };
    }
    if (isWord('IN')) {
      pos++;
      return { kind: 'in', field, negate: false, values: list() };
    }
    let op: Operator;
    const tok = peek();
    if (isWord('LIKE')) op = 'like';
    else if (tok.t === 'op' && ['=', '!=', '<', '<=', '>', '>='].includes(tok.v))
      op = tok.v as Operator;
    else return fail();
    pos++;
    const value = literal();
    if (op === 'like' && value.kind !== 'string') fail(tokens[pos - 1]);
    return { kind: 'compare', field, op, value };
  }

  function list(): Literal[] {
    expectOp('(');
    const values = [literal()];
    while (isOp(',')) {
      pos++;
      values.push(literal());
    }
    expectOp(')');
    return values;
  }

  function literal(): Literal {
    const tok = peek();
    pos++;
    switch (tok.t) {
      case 'string':
        return { kind: 'string', value: tok.v };
      case 'number':
        return { kind: 'number', value: tok.v };
      case 'date':
        return { kind: 'date', value: tok.v };
      case 'datetime':
        return { kind: 'datetime', value: tok.v };
      case 'word': {
        const upper = tok.v.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE')
          return { kind: 'boolean', value: upper === 'TRUE' };
        if (upper === 'NULL') return { kind: 'null' };
        const [name, n] = upper.split(':');
        const takesN = name!.includes('_N_') || name === 'N_DAYS_AGO';
        if (DATE_LITERALS.has(name!) && takesN === (n !== undefined))
          return n === undefined
            ? { kind: 'dateLiteral', name: name! }
            : { kind: 'dateLiteral', name: name!, n: Number(n) };
        return fail(tok);
      }
      default:
        return fail(tok);
    }
  }
}
