import { CityRole, DomainError } from '@rl/kernel';

export interface MemberChange {
  userId: string;
  role?: CityRole;
  active?: boolean;
}

// A city must always keep an active coordinator: without one nobody could manage its members.
export function assertCityKeepsACoordinator(
  activeCoordinatorIds: readonly string[],
  change: MemberChange,
): void {
  const demoted = change.role !== undefined && change.role !== 'coordinator';
  const deactivated = change.active === false;
  if (!demoted && !deactivated) return;
  const remaining = activeCoordinatorIds.filter((id) => id !== change.userId);
  if (activeCoordinatorIds.includes(change.userId) && remaining.length === 0) {
    throw new DomainError(
      'conflict',
      'MEMBER.LAST_COORDINATOR',
      'The city would be left without an active coordinator; appoint another coordinator first',
      [{ field: demoted ? 'role' : 'active', message: 'would remove the last active coordinator' }],
    );
  }
}
