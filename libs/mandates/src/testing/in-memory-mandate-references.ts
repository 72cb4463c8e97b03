import { CityId } from '@rl/kernel';
import { MandateReferences } from '../persistence/mandate-references';

// The city's organisations, memberships and streams, as a handler test sets them up.
export class InMemoryMandateReferences extends MandateReferences {
  readonly organisations = new Set<string>();
  // `${userId}/${organisationId}` of active members.
  readonly members = new Set<string>();
  readonly streams = new Set<string>();

  organisationExists(_cityId: CityId, organisationId: string): Promise<boolean> {
    return Promise.resolve(this.organisations.has(organisationId));
  }

  isMemberOf(_cityId: CityId, userId: string, organisationId: string): Promise<boolean> {
    return Promise.resolve(this.members.has(`${userId}/${organisationId}`));
  }

  missingStreams(_cityId: CityId, streamIds: readonly string[]): Promise<string[]> {
    return Promise.resolve(streamIds.filter((id) => !this.streams.has(id)));
  }
}
