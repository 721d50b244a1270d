// Each documented Salesforce rule refuses what an org would refuse, and the shipped source keeps it.
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const rules = require('./metadata-rules');

const meta = join(__dirname, '..', 'force-app/main/default');
const read = (p) => readFileSync(join(meta, p), 'utf8');
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

describe('text lengths', () => {
  const permissionSet = (description) =>
    `<PermissionSet ${NS}><label>csops Health</label><description>${description}</description></PermissionSet>`;

  it('refuses a permission set description over 255 characters, which rolls back the deploy', () => {
    expect(rules.textLengthProblems(permissionSet('x'.repeat(274)))).toEqual([
      'PermissionSet description is 274 characters; the limit is 255',
    ]);
    expect(rules.textLengthProblems(permissionSet('x'.repeat(255)))).toEqual([]);
  });

  it('counts an XML entity as the one character the org stores', () => {
    expect(rules.textLengthProblems(permissionSet(`${'x'.repeat(250)}&amp;&amp;&amp;`))).toEqual(
      [],
    );
  });

  it('holds field labels to 40 and help text to 255', () => {
    const field = `<CustomField ${NS}><label>${'l'.repeat(41)}</label><inlineHelpText>${'h'.repeat(256)}</inlineHelpText></CustomField>`;
    expect(rules.textLengthProblems(field)).toEqual([
      'CustomField label is 41 characters; the limit is 40',
      'CustomField inlineHelpText is 256 characters; the limit is 255',
    ]);
  });

  it('checks every custom label on its own', () => {
    const labels = `<CustomLabels ${NS}><labels><fullName>A</fullName><value>${'v'.repeat(1001)}</value></labels><labels><fullName>B</fullName><value>ok</value></labels></CustomLabels>`;
    expect(rules.textLengthProblems(labels)).toEqual([
      'CustomLabel value is 1001 characters; the limit is 1000',
    ]);
  });

  it('holds list view labels to 40', () => {
    expect(
      rules.textLengthProblems(`<ListView ${NS}><label>${'a'.repeat(41)}</label></ListView>`),
    ).toEqual(['ListView label is 41 characters; the limit is 40']);
  });
});

describe('record page templates', () => {
  const page = (template, parent, object, region = 'main') =>
    `<FlexiPage ${NS}><flexiPageRegions><itemInstances><componentInstance><componentInstanceProperties><name>showAllItems</name></componentInstanceProperties></componentInstance></itemInstances><name>${region}</name><type>Region</type></flexiPageRegions><parentFlexiPage>${parent}</parentFlexiPage><sobjectType>${object}</sobjectType><template><name>${template}</name></template></FlexiPage>`;

  it("refuses a template other than its parent's", () => {
    expect(
      rules.flexiPageProblems(
        page('flexipage:recordHomeTemplateDesktop', 'sfa__Opportunity_rec_L', 'Opportunity'),
      ),
    ).toEqual([
      'template flexipage:recordHomeTemplateDesktop does not match sfa__Opportunity_rec_L, which uses flexipage:recordHomeWithSubheaderTemplateDesktop',
    ]);
  });

  it('refuses a region the template does not have and a parent of another object', () => {
    expect(
      rules.flexiPageProblems(
        page(
          'flexipage:recordHomeTemplateDesktop',
          'sfa__Account_rec_L',
          'Opportunity',
          'subheader',
        ),
      ),
    ).toEqual([
      'parent sfa__Account_rec_L is a page of Account, not Opportunity',
      'flexipage:recordHomeTemplateDesktop has no region subheader',
    ]);
  });

  it('passes every shipped record page', () => {
    for (const file of readdirSync(join(meta, 'flexipages')))
      expect([file, rules.flexiPageProblems(read(`flexipages/${file}`))]).toEqual([file, []]);
  });
});

describe('field attributes', () => {
  const field = (type, extra) => `<CustomField ${NS}><type>${type}</type>${extra}</CustomField>`;

  it('refuses Unique and External ID on an Activity custom field', () => {
    const key = field('Text', '<unique>true</unique><externalId>true</externalId>');
    expect(rules.fieldAttributeProblems('Activity', key)).toEqual([
      'Activity custom fields cannot be unique',
      'Activity custom fields cannot be externalId',
    ]);
    expect(rules.fieldAttributeProblems('Opportunity', key)).toEqual([]);
  });

  it('refuses the attributes on a type that has none', () => {
    expect(
      rules.fieldAttributeProblems('Account', field('Checkbox', '<externalId>true</externalId>')),
    ).toEqual(['a Checkbox field cannot be externalId']);
    expect(
      rules.fieldAttributeProblems('Account', field('Text', '<caseSensitive>true</caseSensitive>')),
    ).toEqual(['caseSensitive applies only to a unique field']);
  });

  it('passes the shipped action key, a plain text field', () => {
    expect(
      rules.fieldAttributeProblems(
        'Activity',
        read('objects/Activity/fields/Csops_Action_Key__c.field-meta.xml'),
      ),
    ).toEqual([]);
  });
});

describe('list views and report types', () => {
  const accountFields = new Map(
    readdirSync(join(meta, 'objects/Account/fields')).map((f) => [
      f.replace('.field-meta.xml', ''),
      read(`objects/Account/fields/${f}`),
    ]),
  );
  const atRisk = read('objects/Account/listViews/Csops_At_Risk_Accounts.listView-meta.xml');

  it('shows at-risk accounts: band red or risk high or critical', () => {
    expect(rules.listViewProblems(atRisk, accountFields, ['ACCOUNT.NAME'])).toEqual([]);
    expect(rules.values(atRisk, 'booleanFilter')).toEqual(['1 OR 2']);
    expect(rules.blocks(atRisk, 'filters').map((f) => rules.values(f, 'value')[0])).toEqual([
      'red',
      'high,critical',
    ]);
  });

  it('refuses a filter on a value the picklist does not have, and logic naming a missing filter', () => {
    const wrong = atRisk
      .replace('<value>red</value>', '<value>Red</value>')
      .replace('1 OR 2', '1 OR 3');
    expect(rules.listViewProblems(wrong, accountFields, ['ACCOUNT.NAME'])).toEqual([
      'filter 1: Red is not a value of Csops_Health_Band__c',
      'booleanFilter names filter 3 of 2',
    ]);
  });

  it('refuses a report type column that is no field, and passes the shipped one', () => {
    const shipped = read('reportTypes/Csops_Accounts.reportType-meta.xml');
    const exists = (object, f) => object === 'Account' && (f === 'Name' || accountFields.has(f));
    expect(rules.reportTypeProblems(shipped, exists)).toEqual([]);
    const columns = rules.blocks(shipped, 'columns').map((c) => rules.values(c, 'field')[0]);
    expect(columns).toEqual(expect.arrayContaining([...accountFields.keys()]));
    const wrong = shipped.replace('<field>Csops_ARR__c</field>', '<field>Csops_Arr__c</field>');
    expect(rules.reportTypeProblems(wrong, exists)).toEqual([
      'column Csops_Arr__c is no field of Account',
    ]);
  });
});

describe('layouts and labels', () => {
  it('names a csops field no layout of its object places, Activity fields on Task layouts', () => {
    const layout = (fields) =>
      `<Layout ${NS}><layoutSections><layoutColumns>${fields
        .map((f) => `<layoutItems><behavior>Readonly</behavior><field>${f}</field></layoutItems>`)
        .join('')}</layoutColumns></layoutSections></Layout>`;
    const layouts = new Map([
      ['Account-csops Account', layout(['Name', 'Csops_ARR__c'])],
      ['Task-csops Task', layout(['Subject', 'Csops_Action_Key__c'])],
    ]);
    expect(
      rules.fieldsOffLayouts(
        [
          'Account.Csops_ARR__c',
          'Account.Csops_Health_Score__c',
          'Activity.Csops_Action_Key__c',
          'Csops_Settings__mdt.Weight_Usage__c',
        ],
        layouts,
      ),
    ).toEqual(['Account.Csops_Health_Score__c']);
  });

  it('reads the fields a layout places', () => {
    const fields = rules.layoutFields(
      read('layouts/Opportunity-csops Opportunity.layout-meta.xml'),
    );
    expect(fields).toEqual(expect.arrayContaining(['Name', 'Csops_Handoff_Status__c']));
  });

  it('refuses an imported label CustomLabels does not define', () => {
    const source =
      "import A from '@salesforce/label/c.Csops_A';\nimport B from '@salesforce/label/c.Csops_B';";
    expect(rules.labelImportProblems(source, new Set(['Csops_A']))).toEqual([
      'imports c.Csops_B, which CustomLabels does not define',
    ]);
  });

  it('refuses English written into a template, in text or a text attribute', () => {
    const html =
      '<template><!-- a comment --><p>{labels.noData}</p><p>Due today</p>' +
      '<lightning-button label="Save draft" variant="brand"></lightning-button>' +
      '<span> · {labels.due}</span></template>';
    expect(rules.hardCodedTextProblems(html)).toEqual([
      'text "Due today" is not a label',
      'label="Save draft" is not a label',
    ]);
  });

  it('passes the shipped templates, every label they show held by their LABELS table', () => {
    for (const name of ['accountHealth', 'opportunityHandoff']) {
      const html = read(`lwc/${name}/${name}.html`);
      expect([name, rules.hardCodedTextProblems(html)]).toEqual([name, []]);
      expect([name, rules.labelKeyProblems(html, read(`lwc/${name}/${name}.js`))]).toEqual([
        name,
        [],
      ]);
    }
    expect(
      rules.labelKeyProblems('<p>{labels.gone}</p>', 'const LABELS = {\n  title: T,\n};'),
    ).toEqual(['shows labels.gone, which LABELS does not hold']);
  });
});
