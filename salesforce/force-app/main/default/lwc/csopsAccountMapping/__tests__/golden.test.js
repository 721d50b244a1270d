// The golden accounts of the core, held as Salesforce records (written by scripts/write-golden-records.mjs),
// must reach the same band, renewal risk, playbook steps and expansion decision here as everywhere else.
import { evaluateAccount, defaultSettings } from 'c/csopsCore';
import { toAccountSnapshot, storedHealth, hasOpenExpansion } from 'c/csopsAccountMapping';

const GOLDEN = require('../../../../../../test/generated/golden-records.json');

function evaluateRecords(g) {
  const related = {
    cases: g.cases || undefined,
    contacts: g.contacts || undefined,
    events: g.events || undefined,
    opportunities: g.opportunities || undefined,
  };
  const snapshot = toAccountSnapshot({ account: g.account, ...related, asOf: g.asOf });
  return evaluateAccount(snapshot, defaultSettings(), {
    stored: storedHealth(g.account),
    openExpansionDeal: hasOpenExpansion(related.opportunities),
  });
}

describe('golden accounts held as Salesforce records', () => {
  it('covers every golden account of the core', () => {
    expect(GOLDEN.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(GOLDEN.map((g) => [g.key, g]))('%s', (key, g) => {
    const evaluation = evaluateRecords(g);
    const direct = evaluateAccount(g.snapshot, defaultSettings(), {
      previous: g.previous || undefined,
      openExpansionDeal: g.openExpansionDeal,
    });

    it('gets the expected band', () => {
      expect(evaluation.health.band).toBe(g.expected.band);
    });

    it('gets the expected renewal risk', () => {
      expect(evaluation.risk.level).toBe(g.expected.riskLevel);
    });

    it('gets the expected playbook steps', () => {
      expect(evaluation.actions.map((a) => `${a.playbookId}:${a.stepKey}`)).toEqual(
        g.expected.actions,
      );
    });

    it('drafts an expansion exactly when expected', () => {
      expect(evaluation.expansion.draft !== null).toBe(g.expected.expansionDraft);
    });

    it('gets the expected segment', () => {
      expect(evaluation.segment).toBe(g.expected.segment);
    });

    it('scores within a point of the snapshot the records were made from', () => {
      // Dates travel as whole days and support is observed when read, so tiny drifts are allowed.
      expect(evaluation.health.score === null).toBe(direct.health.score === null);
      expect(
        Math.abs((evaluation.health.score ?? 0) - (direct.health.score ?? 0)),
      ).toBeLessThanOrEqual(1);
    });
  });
});
