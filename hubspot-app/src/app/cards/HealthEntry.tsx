import { hubspot } from '@hubspot/ui-extensions';
import { HealthCard } from './health/HealthCard.js';

hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <HealthCard
    companyId={String(context.crm.objectId)}
    portalId={context.portal.id}
    addAlert={actions.addAlert}
  />
));
