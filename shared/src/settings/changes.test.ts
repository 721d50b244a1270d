import { describe, expect, it } from 'vitest';
import { defaultSettings } from './defaults.js';
import { settingsChanges } from './changes.js';

describe('what a settings version changed', () => {
  it('names each changed field as the page does, old value to new', () => {
    const before = defaultSettings();
    const after = defaultSettings();
    after.bands.green = before.bands.green + 5;
    after.measures.usage.weight = 30;
    after.renewal.stages = [180, 90];
    after.handoff.items.kickoffDate.required = !before.handoff.items.kickoffDate.required;
    expect(settingsChanges(before, after).map((c) => c.text)).toEqual([
      `Product usage weight: ${before.measures.usage.weight} → 30`,
      `Green from score: ${before.bands.green} → ${before.bands.green + 5}`,
      `Renewal stages: ${before.renewal.stages.join(', ')} → 180, 90`,
      `Kickoff date required to submit: ${before.handoff.items.kickoffDate.required ? 'required → optional' : 'optional → required'}`,
    ]);
  });

  it('is empty between equal settings', () => {
    expect(settingsChanges(defaultSettings(), defaultSettings())).toEqual([]);
  });

  it('matches CSMs by owner, naming them', () => {
    const before = defaultSettings();
    before.csms = [
      { id: '1', name: 'Alex Kim', segments: ['smb'], maxArr: 1_000_000, maxAccounts: 40 },
      { id: '2', name: 'Sam Lee', segments: ['smb'], maxArr: 1_000_000, maxAccounts: 40 },
    ];
    const after = defaultSettings();
    after.csms = [
      {
        id: '2',
        name: 'Sam Lee',
        segments: ['smb', 'mid_market'],
        maxArr: 1_000_000,
        maxAccounts: 50,
      },
      { id: '3', name: 'Jo Park', segments: ['enterprise'], maxArr: 5_000_000, maxAccounts: 20 },
    ];
    expect(settingsChanges(before, after).map((c) => c.text)).toEqual([
      'CSM removed: Alex Kim',
      'CSM Sam Lee segments: SMB → SMB, Mid-Market',
      'CSM Sam Lee max accounts: 40 → 50',
      'CSM added: Jo Park',
    ]);
  });
});
