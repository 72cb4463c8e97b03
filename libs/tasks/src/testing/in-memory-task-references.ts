import { CityId } from '@rl/kernel';
import { TaskReferences } from '../persistence/task-references.repository';

// The streams and members a test declares, for every city alike.
export class InMemoryTaskReferences extends TaskReferences {
  private readonly streams = new Set<string>();
  private readonly members = new Set<string>();

  withStreams(...streams: string[]): this {
    streams.forEach((s) => this.streams.add(s));
    return this;
  }

  withMembers(...userIds: string[]): this {
    userIds.forEach((u) => this.members.add(u));
    return this;
  }

  async missingStreams(_cityId: CityId, streams: readonly string[]): Promise<Set<string>> {
    return new Set(streams.filter((s) => !this.streams.has(s)));
  }

  async isActiveMember(_cityId: CityId, userId: string): Promise<boolean> {
    return this.members.has(userId);
  }
}
