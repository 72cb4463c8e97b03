import { BUDGET_ENTITIES } from '@rl/budget';
import { COLLECTION_ENTITIES } from '@rl/collection';
import { COMMENTS_ENTITIES } from '@rl/comments';
import { COMPARISONS_ENTITIES } from '@rl/comparisons';
import { EVENT_STORE_ENTITIES } from '@rl/event-store';
import { DATASETS_ENTITIES } from '@rl/datasets';
import { GLOSSARY_ENTITIES } from '@rl/glossary';
import { IDENTITY_ENTITIES } from '@rl/identity';
import { INDICATORS_ENTITIES } from '@rl/indicators';
import { MANDATES_ENTITIES } from '@rl/mandates';
import { MEETINGS_ENTITIES } from '@rl/meetings';
import { NOTIFICATIONS_ENTITIES } from '@rl/notifications';
import { OPEN_DATA_ENTITIES } from '@rl/open-data';
import { REPORTING_ENTITIES } from '@rl/reporting';
import { REPORTS_ENTITIES } from '@rl/reports';
import { RESOURCES_ENTITIES } from '@rl/resources';
import { STAKEHOLDERS_ENTITIES } from '@rl/stakeholders';
import { TASKS_ENTITIES } from '@rl/tasks';
import { TENANCY_ENTITIES } from '@rl/tenancy';

// Every entity of the system, for tools that work outside Nest (migrations, drift check).
export const ALL_ENTITIES = [
  ...TENANCY_ENTITIES,
  ...EVENT_STORE_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...STAKEHOLDERS_ENTITIES,
  ...REPORTING_ENTITIES,
  ...INDICATORS_ENTITIES,
  ...COMMENTS_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...COMPARISONS_ENTITIES,
  ...GLOSSARY_ENTITIES,
  ...RESOURCES_ENTITIES,
  ...DATASETS_ENTITIES,
  ...BUDGET_ENTITIES,
  ...MANDATES_ENTITIES,
  ...MEETINGS_ENTITIES,
  ...TASKS_ENTITIES,
  ...OPEN_DATA_ENTITIES,
  ...COLLECTION_ENTITIES,
  ...REPORTS_ENTITIES,
];
