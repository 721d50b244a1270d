// The two GraphQL operations the handoff component sends, answered from the org with SOQL in the
// shape of the UI API GraphQL schema. This host is no GraphQL engine: other operations are refused.
import { z } from 'zod';
import { query, soqlString, type OrgConnection } from './org.js';

export const graphqlBody = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).default({}),
  operationName: z.string().optional(),
});

const bookVariables = z.object({ csmIds: z.array(z.string().regex(/^\w{15,18}$/)).max(500) });
const taskVariables = z.object({ keyPattern: z.string().min(1).max(255) });

type Operation = (org: OrgConnection, variables: unknown) => Promise<unknown>;

const OPERATIONS: Record<string, Operation> = {
  async csopsCsmBook(org, variables) {
    const { csmIds } = bookVariables.parse(variables);
    if (csmIds.length === 0) return { uiapi: { aggregate: { Account: { edges: [] } } } };
    const rows = await query(
      org,
      `SELECT Id, Csops_CSM__c, Csops_ARR__c FROM Account WHERE Csops_CSM__c IN (${csmIds.map(soqlString).join(', ')})`,
    );
    const books = new Map<string, { arr: number; count: number }>();
    for (const row of rows) {
      const csm = String(row.Csops_CSM__c);
      const book = books.get(csm) ?? { arr: 0, count: 0 };
      book.arr += Number(row.Csops_ARR__c) || 0;
      book.count += 1;
      books.set(csm, book);
    }
    const edges = [...books].map(([csm, book]) => ({
      node: {
        aggregate: {
          Csops_CSM__c: { value: csm },
          Csops_ARR__c: { sum: { value: book.arr } },
          Id: { count: { value: book.count } },
        },
      },
    }));
    return { uiapi: { aggregate: { Account: { edges } } } };
  },
  async csopsOnboardingTasks(org, variables) {
    const { keyPattern } = taskVariables.parse(variables);
    const rows = await query(
      org,
      `SELECT Id, Csops_Action_Key__c FROM Task WHERE Csops_Action_Key__c LIKE ${soqlString(keyPattern)} LIMIT 200`,
    );
    const edges = rows.map((row) => ({
      node: { Id: row.Id, Csops_Action_Key__c: { value: row.Csops_Action_Key__c ?? null } },
    }));
    return { uiapi: { query: { Task: { edges } } } };
  },
};

export function operationOf(body: z.infer<typeof graphqlBody>): string | undefined {
  return body.operationName ?? /\bquery\s+(\w+)/.exec(body.query)?.[1];
}

export async function answerGraphql(
  org: OrgConnection,
  body: z.infer<typeof graphqlBody>,
): Promise<{ data?: unknown; errors?: { message: string }[] }> {
  const name = operationOf(body);
  const operation = name ? OPERATIONS[name] : undefined;
  if (!operation)
    return {
      errors: [
        {
          message: `This host answers only the operations ${Object.keys(OPERATIONS).join(', ')}; got ${name ?? 'an unnamed one'}`,
        },
      ],
    };
  return { data: await operation(org, body.variables) };
}
