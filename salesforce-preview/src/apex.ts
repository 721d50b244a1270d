// The Apex methods the record-page components call, answered from the org as the classes in
// force-app/main/default/classes do.
import { z } from 'zod';
import { asApexRecord, query, soqlString, type OrgConnection } from './org.js';

/** CsopsSettingsController.getSettings selects these fields (see CsopsSettingsController.cls). */
const SETTINGS_FIELDS = [
  'DeveloperName',
  'Settings_Version__c',
  'Weight_Usage__c',
  'Weight_Adoption__c',
  'Weight_Support__c',
  'Weight_Engagement__c',
  'Weight_Sentiment__c',
  'Weight_Billing__c',
  'Weight_Contract__c',
  'Weight_Onboarding__c',
  'Band_Green_From__c',
  'Band_Yellow_From__c',
  'Freshness_Default_Days__c',
  'Renewal_Stages__c',
  'Expansion_Seat_Utilisation_Over__c',
  'Expansion_Target_Seat_Utilisation__c',
  'Expansion_Adoption_Milestone__c',
  'Expansion_Healthy_Months__c',
  'Expansion_Min_Health_Score__c',
  'Expansion_Uplift_Percent__c',
  'Expansion_Close_In_Days__c',
  'Handoff_Required_Items__c',
  'Handoff_Required_Roles__c',
  'Segment_Enterprise_Min_ARR__c',
  'Segment_Mid_Market_Min_ARR__c',
  'Model_JSON__c',
];

const getSettingsParams = z.object({
  recordName: z.string().regex(/^\w{1,40}$/, 'a settings record name is a DeveloperName'),
});

type ApexMethod = (org: OrgConnection, params: unknown) => Promise<unknown>;

export const APEX_METHODS: Record<string, ApexMethod> = {
  'CsopsSettingsController.getSettings': async (org, params) => {
    const { recordName } = getSettingsParams.parse(params);
    const rows = await query(
      org,
      `SELECT ${SETTINGS_FIELDS.join(', ')} FROM Csops_Settings__mdt WHERE DeveloperName = ${soqlString(recordName)} LIMIT 1`,
    );
    return rows[0] ? asApexRecord(rows[0]) : null;
  },
};
