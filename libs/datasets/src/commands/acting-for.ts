import { CommandMetadata } from '@rl/web';

// A collector acts only for their own organisation (null: they have none); others for any.
export const actingFor = (metadata: CommandMetadata): string | null | undefined =>
  metadata.actorRole === 'collector' ? (metadata.organisationId ?? null) : undefined;
