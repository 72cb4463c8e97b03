import { CityRole } from '@rl/kernel';
import { MemberErrors } from './identity.errors';

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
    throw MemberErrors.LAST_COORDINATOR({
      errors: [{ field: demoted ? 'role' : 'active', message: 'would remove the last active coordinator' }],
    });
  }
}
