import { method } from '../define';
import { DesignationEndInput, DesignationSaveInput, RosterCsvInput, RosterInput, type CoordinatorChoice, type Designation, type Roster } from '../../domain/committee';
import type { CsvFile } from '../../domain/csv';
import { NoInput } from './inputs';

/** The Technical Committee (issue 15): the members' designations and the roster. */
export const committeeMethods = {
  /** Municipality: its current designation (null before the first). */
  'committee.designation.get': method(NoInput)<{ designation: Designation | null }>(),
  /** Municipality: designates (or changes) its technician and substitute: a new version of its one record. */
  'committee.designation.save': method(DesignationSaveInput)<Designation>(),
  /** Municipality: ends the designation on a day (a new version with its last day). */
  'committee.designation.end': method(DesignationEndInput)<Designation>(),
  /** Municipality: every version of its designation as CSV (the history). */
  'committee.designation.csv': method(NoInput)<CsvFile>(),
  /** Both roles: who represents which member on a day. Hub: from every version received; member: from the hub's copy. */
  'committee.roster': method(RosterInput)<Roster>(),
  /** The roster as CSV. */
  'committee.rosterCsv': method(RosterCsvInput)<CsvFile>(),
  /** Hub: the technicians that may coordinate a thematic group (designated today). */
  'committee.coordinators': method(NoInput)<CoordinatorChoice[]>(),
} as const;
