import { joinHandlerGroups } from '../api/handler-table';
import { usageHandlers } from '../usage/usage-handlers';
import { pendingHandlers } from './pending-handlers';

/** The handlers of the municipality records (issue 3), one group per feature. */
export const municipalityRecordHandlers = joinHandlerGroups(usageHandlers, pendingHandlers);
