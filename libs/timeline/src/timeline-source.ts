import { SetMetadata } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';

// What the city's one timeline shows: reporting deadlines, task dues and meetings.
export const TIMELINE_KINDS = ['period-deadline', 'task-due', 'meeting'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  kind: TimelineKind;
  // The period, task or meeting id.
  id: string;
  title: string;
  // The deadline, the due instant or the meeting's start.
  at: Date;
  // Meetings only.
  endsAt: Date | null;
  // The task's or meeting's status where it has one.
  status: string | null;
  // The organisations it concerns (assignees, invited or attending); empty: the whole city.
  organisationIds: string[];
}

// Entries strictly after `after` in (at, kind, id) order, at most `limit` of them.
export interface TimelineWindow {
  from?: Date;
  to?: Date;
  // Only entries concerning this organisation (and those concerning the whole city).
  organisationId?: string;
  after?: { at: Date; kind: TimelineKind; id: string };
  limit: number;
}

// A read model that contributes entries. Each context provides its own, marked with
// @TimelineSourceDefinition(); the timeline finds them at start-up. `entries` runs inside the city's
// transaction (row-level security) and returns its rows in (at, kind, id) order.
export interface TimelineSource {
  readonly kind: TimelineKind;
  // The projection that writes the rows it reads, for read-your-writes (minPosition).
  readonly projection: string;
  // Other projections whose rows it joins (e.g. the organisations concerned).
  readonly alsoWaitsFor?: readonly string[];
  entries(em: EntityManager, cityId: CityId, window: TimelineWindow): Promise<TimelineEntry[]>;
}

export const TIMELINE_SOURCE = 'rights-ledger:timeline-source';

export const TimelineSourceDefinition = () => SetMetadata(TIMELINE_SOURCE, true);
