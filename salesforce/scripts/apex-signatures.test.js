const { apexSignatureProblems, auraMethods, componentCalls } = require('./apex-signatures');

describe('Apex the components call', () => {
  it('matches the @AuraEnabled signatures, by parameter name, and is granted', () => {
    expect(apexSignatureProblems()).toEqual([]);
  });

  it('reads the settings deployer as the editor calls it', () => {
    const deployer = auraMethods().CsopsSettingsDeployer;
    expect(deployer.saveSettings.params).toEqual([
      'recordName',
      'modelJson',
      'typedFieldsJson',
      'expectedVersion',
    ]);
    expect(deployer.getDeployStatus.params).toEqual(['jobId', 'recordName', 'revision']);
    const save = componentCalls().find((c) => c.method === 'saveSettings');
    expect(save.uses).toHaveLength(1);
    expect(save.uses[0].keys.sort()).toEqual(deployer.saveSettings.params.slice().sort());
  });
});
