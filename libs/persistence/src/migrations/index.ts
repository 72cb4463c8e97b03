import { Foundation1795703457413 } from './1795703457413-foundation';
import { EventStore1795704000000 } from './1795704000000-event-store';
import { Organisations1795705146856 } from './1795705146856-organisations';
import { Indicators1795706000000 } from './1795706000000-indicators';
import { Reporting1795706100000 } from './1795706100000-reporting';
import { Submissions1795706200000 } from './1795706200000-submissions';
import { Comments1795706300000 } from './1795706300000-comments';
import { Completeness1795706400000 } from './1795706400000-completeness';
import { Notifications1795706500000 } from './1795706500000-notifications';
import { Comparisons1795706600000 } from './1795706600000-comparisons';
import { Accounts1795707100000 } from './1795707100000-accounts';
import { WebhookErrorCategories1795707200000 } from './1795707200000-webhook-error-categories';
import { Imports1795707300000 } from './1795707300000-imports';
import { FairShare1795707400000 } from './1795707400000-fair-share';
import { ReminderGrace1795708150000 } from './1795708150000-reminder-grace';
import { MailLeases1795708200000 } from './1795708200000-mail-leases';
import { AppendOnlyLog1795708300000 } from './1795708300000-append-only-log';
import { SignedCheckpoints1795708400000 } from './1795708400000-signed-checkpoints';
import { PublicationFlags1795708600000 } from './1795708600000-publication-flags';
import { PersonalData1795708700000 } from './1795708700000-personal-data';
import { Glossary1795709600000 } from './1795709600000-glossary';
import { GlossaryTermComments1795709700000 } from './1795709700000-glossary-term-comments';
import { IndicatorTerms1795709710000 } from './1795709710000-indicator-terms';
import { Mandates1795709800000 } from './1795709800000-mandates';
import { Tasks1795709850000 } from './1795709850000-tasks';
import { Meetings1795709900000 } from './1795709900000-meetings';
import { Resources1795709950000 } from './1795709950000-resources';
import { Datasets1795710000000 } from './1795710000000-datasets';
import { Budget1795710050000 } from './1795710050000-budget';
import { GlossaryLabelKeys1795710100000 } from './1795710100000-glossary-label-keys';
import { IndicatorFollows1795710110000 } from './1795710110000-indicator-follows';
import { OpenData1795710200000 } from './1795710200000-open-data';
import { SdmxMappings1795710300000 } from './1795710300000-sdmx-mappings';
import { Reports1795710500000 } from './1795710500000-reports';
import { Collection1795710700000 } from './1795710700000-collection';

// In order of application; listed explicitly so that built and test runs load the same set.
export const MIGRATIONS = [
  Foundation1795703457413,
  EventStore1795704000000,
  Organisations1795705146856,
  Indicators1795706000000,
  Reporting1795706100000,
  Submissions1795706200000,
  Comments1795706300000,
  Completeness1795706400000,
  Notifications1795706500000,
  Comparisons1795706600000,
  Accounts1795707100000,
  WebhookErrorCategories1795707200000,
  Imports1795707300000,
  FairShare1795707400000,
  ReminderGrace1795708150000,
  MailLeases1795708200000,
  AppendOnlyLog1795708300000,
  SignedCheckpoints1795708400000,
  PublicationFlags1795708600000,
  PersonalData1795708700000,
  Glossary1795709600000,
  GlossaryTermComments1795709700000,
  IndicatorTerms1795709710000,
  Mandates1795709800000,
  Tasks1795709850000,
  Meetings1795709900000,
  Resources1795709950000,
  Datasets1795710000000,
  Budget1795710050000,
  GlossaryLabelKeys1795710100000,
  IndicatorFollows1795710110000,
  OpenData1795710200000,
  SdmxMappings1795710300000,
  Reports1795710500000,
  Collection1795710700000,
];
