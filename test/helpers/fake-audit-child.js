// Entry of the fake audit child (GOVAPP_AUDIT_FARM_CHILD): loads the TypeScript through tsx, as bin/govapp-audit.js does.
import { register } from 'tsx/esm/api';

register();
await import('./fake-audit-child-main.ts');
