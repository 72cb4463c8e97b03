import { defineErrors } from '@rl/kernel';

export const SdmxErrors = defineErrors('SDMX', {
  INVALID_MAPPING: { kind: 'bad_request', message: 'The SDMX mapping is not valid' },
  UNMAPPED: {
    kind: 'invalid',
    message: 'The data has dimensions or values the SDMX mapping does not code (each one is listed)',
  },
});
