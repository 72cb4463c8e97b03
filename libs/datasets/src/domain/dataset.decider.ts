import { Decider } from '@rl/kernel';
import { DatasetErrors } from './dataset.errors';
import {
  applyChanges,
  assertNothingRequiredCleared,
  changedFields,
  checkedAssessment,
  checkedDetails,
} from './dataset-details';
import {
  Assessment,
  DATASET_EVENT_TYPES,
  DatasetChanges,
  DatasetDetails,
  DatasetEvent,
} from './dataset.events';
import { Sector, sectorOfOrganisationKind } from './dataset-vocabularies';

// `lastAssessmentId`: the latest assessment's, which answers a retried assessment with its first id.
export type DatasetState =
  | { exists: false }
  | { exists: true; datasetId: string; details: DatasetDetails; lastAssessmentId: string | null };

// The details as sent: the sector may be left to the owner's organisation kind.
export type DatasetInput = Omit<DatasetDetails, 'sector'> & { sector?: Sector };

// Facts the handler looked up: `ownerKind` is the kind of the owner organisation the command names
// (null: no organisation of the city); `actingFor` is set for a collector, who acts only for their own
// organisation (null: they have none).
interface Facts {
  ownerKind?: string | null;
  actingFor?: string | null;
}

export type DatasetCommand =
  | ({
      type: 'CatalogueDataset';
      datasetId: string;
      details: DatasetInput;
      assessment?: Assessment & { assessmentId: string };
    } & Facts)
  | ({ type: 'ReviseDataset'; changes: DatasetChanges } & Facts)
  | { type: 'AssessDataset'; assessmentId: string; assessment: Assessment };

const initialState = (): DatasetState => ({ exists: false });

const unknownOwner = () =>
  DatasetErrors.UNKNOWN_ORGANISATION({
    errors: [{ field: 'owner', message: 'is not an organisation of this city' }],
  });

// The sector given, or the one the owner's organisation kind implies.
function sectorFor(given: Sector | null | undefined, ownerKind: string | null | undefined): Sector {
  if (ownerKind === null || ownerKind === undefined) throw unknownOwner();
  const sector = given ?? sectorOfOrganisationKind(ownerKind);
  if (sector === undefined)
    throw DatasetErrors.SECTOR_REQUIRED({
      errors: [{ field: 'sector', message: `is required for an owner of kind ${ownerKind}` }],
    });
  return sector;
}

function assertActingFor(actingFor: string | null | undefined, ...owners: (string | undefined)[]): void {
  if (actingFor === undefined) return;
  if (actingFor === null || owners.some((owner) => owner !== undefined && owner !== actingFor))
    throw DatasetErrors.NOT_OWN_ORGANISATION({
      errors: [{ field: 'owner', message: "must be the collector's own organisation" }],
    });
}

function decide(command: DatasetCommand, state: DatasetState): DatasetEvent[] {
  switch (command.type) {
    case 'CatalogueDataset': {
      if (state.exists) throw DatasetErrors.ALREADY_EXISTS();
      const { datasetId, details, assessment } = command;
      assertActingFor(command.actingFor, details.owner);
      const sector = sectorFor(details.sector, command.ownerKind);
      const events: DatasetEvent[] = [
        { type: 'DatasetCatalogued', data: { datasetId, details: checkedDetails({ ...details, sector }) } },
      ];
      if (assessment) {
        const { assessmentId, ...given } = assessment;
        events.push({
          type: 'DatasetAssessed',
          data: { datasetId, assessmentId, ...checkedAssessment(given) },
        });
      }
      return events;
    }
    case 'ReviseDataset': {
      const { changes } = command;
      if (Object.values(changes).every((value) => value === undefined))
        throw DatasetErrors.NOTHING_TO_CHANGE();
      if (!state.exists) throw DatasetErrors.NOT_FOUND();
      assertActingFor(command.actingFor, state.details.owner, changes.owner);
      assertNothingRequiredCleared(changes);
      const moved = changes.owner !== undefined && changes.owner !== state.details.owner;
      const sector = moved ? sectorFor(changes.sector, command.ownerKind) : changes.sector;
      const after = checkedDetails(applyChanges(state.details, { ...changes, sector }));
      const revised = changedFields(state.details, after);
      if (Object.keys(revised).length === 0) return [];
      return [{ type: 'DatasetRevised', data: { datasetId: state.datasetId, changes: revised } }];
    }
    case 'AssessDataset': {
      if (!state.exists) throw DatasetErrors.NOT_FOUND();
      const { assessmentId, assessment } = command;
      return [
        {
          type: 'DatasetAssessed',
          data: { datasetId: state.datasetId, assessmentId, ...checkedAssessment(assessment) },
        },
      ];
    }
  }
}

function evolve(state: DatasetState, event: DatasetEvent): DatasetState {
  switch (event.type) {
    case 'DatasetCatalogued':
      return {
        exists: true,
        datasetId: event.data.datasetId,
        details: event.data.details,
        lastAssessmentId: null,
      };
    case 'DatasetRevised':
      return state.exists ? { ...state, details: applyChanges(state.details, event.data.changes) } : state;
    case 'DatasetAssessed':
      return state.exists ? { ...state, lastAssessmentId: event.data.assessmentId } : state;
  }
}

export const datasetDecider: Decider<DatasetState, DatasetCommand, DatasetEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: DATASET_EVENT_TYPES,
};
