import { launchSalesforcePreview } from '@csops/salesforce-preview';
const r = await launchSalesforcePreview({ port: 4499, sandboxPort: 0, reset: true, log: console.log });
console.log(r.preview.url, r.accountUrl('silentChurner'));
setTimeout(() => r.close(), 240_000);
