import { CommandMetadata } from '@rl/web';
import { ResourceActor } from '../domain/resource.decider';

// The role and organisation the decider checks a collector's rights against.
export const actorOf = (metadata: CommandMetadata): ResourceActor => ({
  role: metadata.actorRole,
  organisationId: metadata.organisationId,
});
