import { ImportRecord } from '../imports/import.entity';
import { AssignmentRecord } from '../projections/assignment.entity';
import { CompletenessRecord } from '../projections/completeness.entity';
import { PeriodRecord } from '../projections/period.entity';
import {
  AssignmentKeyReservation,
  OpenSubmissionReservation,
  PeriodCodeReservation,
} from '../projections/reservations.entity';
import { SeriesRecord, SubmissionRecord } from '../projections/submission.entity';

// Every table of the reporting context, for TypeORM.
export const REPORTING_ENTITIES = [
  PeriodRecord,
  AssignmentRecord,
  PeriodCodeReservation,
  AssignmentKeyReservation,
  SubmissionRecord,
  SeriesRecord,
  OpenSubmissionReservation,
  CompletenessRecord,
  ImportRecord,
];
