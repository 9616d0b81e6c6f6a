import { joinHandlerGroups } from '../api/handler-table';
import { csvHandlers } from '../csv/csv-handlers';
import { demoHandlers } from '../demo/demo-handlers';
import { groupsHandlers } from '../groups/groups-handlers';
import { historyHandlers } from '../history/history-handlers';
import { homeHandlers } from '../home/home-handlers';
import { proposalsHandlers } from '../proposals/proposals-handlers';
import { staffHandlers } from '../staff/staff-handlers';
import { trainingHandlers } from '../training/training-handlers';
import { usageHandlers } from '../usage/usage-handlers';

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
