import { joinHandlerGroups } from '../platform/api/handler-table';
import { csvHandlers } from '../municipality/csv/csv-handlers';
import { demoHandlers } from './demo/demo-handlers';
import { groupsHandlers } from '../municipality/groups/groups-handlers';
import { historyHandlers } from '../municipality/history/history-handlers';
import { homeHandlers } from '../municipality/home/home-handlers';
import { proposalsHandlers } from '../municipality/proposals/proposals-handlers';
import { staffHandlers } from '../municipality/staff/staff-handlers';
import { trainingHandlers } from '../municipality/training/training-handlers';
import { usageHandlers } from '../municipality/usage/usage-handlers';

/** The handlers of the municipality records (issue 3), one group per feature. */
export const municipalityRecordHandlers = joinHandlerGroups(
  usageHandlers,
  staffHandlers,
  trainingHandlers,
  groupsHandlers,
  historyHandlers,
  homeHandlers,
  proposalsHandlers,
  csvHandlers,
  demoHandlers,
);
