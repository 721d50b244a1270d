import { hubspot } from '@hubspot/ui-extensions';
import { HandoffCard } from './handoff/HandoffCard.js';

hubspot.extend<'crm.record.tab'>(({ context }) => (
  <HandoffCard dealId={String(context.crm.objectId)} portalId={context.portal.id} />
));
