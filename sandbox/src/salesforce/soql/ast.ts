/** The SOQL subset csops and its tools issue, as parsed. Field paths are as written; evaluation resolves case. */
export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'date'; value: string }
  | { kind: 'datetime'; value: number }
  /** TODAY, LAST_N_DAYS:30 …: a range of whole UTC days resolved against the clock at run time. */
  | { kind: 'dateLiteral'; name: string; n?: number };

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'like';

export type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'not'; inner: Condition }
  | { kind: 'compare'; field: string[]; op: Operator; value: Literal }
  | { kind: 'in'; field: string[]; negate: boolean; values: Literal[] };

export interface OrderItem {
  field: string[];
  desc: boolean;
  /** Salesforce puts nulls first ascending and last descending unless told. */
  nullsLast: boolean;
}

export interface SoqlQuery {
  /** Paths such as ['Name'] or ['Owner', 'Name']; empty with `count`. */
  fields: string[][];
  /** `SELECT COUNT() FROM …`: only totalSize is answered. */
  count: boolean;
  from: string;
  where?: Condition;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}

/** A query Salesforce would refuse, with the errorCode it refuses it with. */
export class SoqlError extends Error {
  constructor(
    readonly errorCode:
      'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' | 'NUMBER_OUTSIDE_VALID_RANGE',
    message: string,
  ) {
    super(message);
  }
}
