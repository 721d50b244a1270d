import { describe, expect, it } from 'vitest';
import { SoqlError } from './ast.js';
import { parseSoql } from './parse.js';

describe('parseSoql', () => {
  it('reads the settings query the Apex controller issues', () => {
    const q = parseSoql(
      "SELECT DeveloperName, Weight_Usage__c FROM Csops_Settings__mdt WHERE DeveloperName = 'Default' WITH USER_MODE LIMIT 1",
    );
    expect(q).toEqual({
      fields: [['DeveloperName'], ['Weight_Usage__c']],
      count: false,
      from: 'Csops_Settings__mdt',
      where: {
        kind: 'compare',
        field: ['DeveloperName'],
        op: '=',
        value: { kind: 'string', value: 'Default' },
      },
      orderBy: [],
      limit: 1,
    });
  });

  it('binds AND tighter than OR, and parentheses over both', () => {
    const q = parseSoql(
      "select Id from Account where Name = 'a' or Name = 'b' and Csops_ARR__c > 5",
    );
    expect(q.where).toMatchObject({ kind: 'or', parts: [{ kind: 'compare' }, { kind: 'and' }] });
    const p = parseSoql(
      "SELECT Id FROM Account WHERE (Name = 'a' OR Name = 'b') AND Csops_ARR__c > 5",
    );
    expect(p.where).toMatchObject({ kind: 'and', parts: [{ kind: 'or' }, { kind: 'compare' }] });
  });

  it('reads relationship fields, IN lists, LIKE, date literals, dates, ordering and offsets', () => {
    const q = parseSoql(
      "SELECT Name, Owner.Name FROM Account WHERE Industry NOT IN ('Retail', 'Energy') AND Name LIKE 'North%' AND CreatedDate = LAST_N_DAYS:30 AND Csops_Renewal_Date__c < 2026-01-01 AND LastModifiedDate >= 2025-06-01T00:00:00Z ORDER BY Csops_ARR__c DESC NULLS LAST, Name LIMIT 10 OFFSET 20",
    );
    expect(q.fields).toEqual([['Name'], ['Owner', 'Name']]);
    expect(q.where).toMatchObject({
      kind: 'and',
      parts: [
        { kind: 'in', negate: true, values: [{ value: 'Retail' }, { value: 'Energy' }] },
        { op: 'like', value: { value: 'North%' } },
        { value: { kind: 'dateLiteral', name: 'LAST_N_DAYS', n: 30 } },
        { op: '<', value: { kind: 'date', value: '2026-01-01' } },
        { op: '>=', value: { kind: 'datetime', value: Date.parse('2025-06-01T00:00:00Z') } },
      ],
    });
    expect(q.orderBy).toEqual([
      { field: ['Csops_ARR__c'], desc: true, nullsLast: true },
      { field: ['Name'], desc: false, nullsLast: false },
    ]);
    expect([q.limit, q.offset]).toEqual([10, 20]);
  });

  it('reads escaped quotes inside a string literal', () => {
    const q = parseSoql("SELECT Id FROM Account WHERE Name = 'Harbor \\'&\\' Pine'");
    expect(q.where).toMatchObject({ value: { value: "Harbor '&' Pine" } });
  });

  it('reads SELECT COUNT()', () => {
    expect(parseSoql('SELECT COUNT() FROM Contact')).toMatchObject({ count: true, fields: [] });
  });

  it.each([
    ['SELECT FROM Account', "unexpected token: 'FROM'"],
    ['SELECT Id FROM', 'unexpected end of query'],
    ["SELECT Id FROM Account WHERE Name = 'x", 'unterminated string literal'],
    ['SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS', "unexpected token: 'LAST_N_DAYS'"],
    ['SELECT Id FROM Account LIMIT 5 extra', "unexpected token: 'extra'"],
  ])('refuses %s as MALFORMED_QUERY naming the place', (soql, message) => {
    let err: unknown;
    try {
      parseSoql(soql);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SoqlError);
    expect((err as SoqlError).errorCode).toBe('MALFORMED_QUERY');
    expect((err as SoqlError).message).toContain(message);
  });

  it('refuses an OFFSET over 2000 as Salesforce does', () => {
    expect(() => parseSoql('SELECT Id FROM Account OFFSET 2001')).toThrow(
      /Maximum SOQL offset allowed is 2000/,
    );
  });
});
