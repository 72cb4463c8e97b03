import { defineErrors } from '@rl/kernel';

export const DatasetErrors = defineErrors('DATASET', {
  NOT_FOUND: { kind: 'not_found', message: 'No such dataset' },
  ALREADY_EXISTS: { kind: 'conflict', message: 'This dataset is already catalogued' },
  NOTHING_TO_CHANGE: { kind: 'bad_request', message: 'Give at least one field to change' },
  INVALID: { kind: 'invalid', message: 'A field of the dataset is not valid' },
  UNKNOWN_LICENCE: { kind: 'invalid', message: 'The licence is not an SPDX licence id this catalogue knows' },
  UNKNOWN_ORGANISATION: { kind: 'invalid', message: 'The owner is not an organisation of this city' },
  UNKNOWN_INDICATOR: { kind: 'invalid', message: 'A linked indicator is not an indicator of this city' },
  SECTOR_REQUIRED: {
    kind: 'invalid',
    message: "Name the sector: the owner's organisation kind does not imply one",
  },
  NOT_OWN_ORGANISATION: {
    kind: 'forbidden',
    message: "A collector catalogues and changes only their own organisation's datasets",
  },
});
