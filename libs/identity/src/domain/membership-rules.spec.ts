import { DomainError } from '@rl/kernel';
import { assertCityKeepsACoordinator } from './membership-rules';

describe('assertCityKeepsACoordinator', () => {
  const lastCoordinatorError = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      return error instanceof DomainError ? error.code : 'other';
    }
    return undefined;
  };

  it('refuses to demote the only active coordinator', () => {
    expect(
      lastCoordinatorError(() => assertCityKeepsACoordinator(['a'], { userId: 'a', role: 'official' })),
    ).toBe('MEMBER.LAST_COORDINATOR');
  });

  it('refuses to deactivate the only active coordinator', () => {
    expect(
      lastCoordinatorError(() => assertCityKeepsACoordinator(['a'], { userId: 'a', active: false })),
    ).toBe('MEMBER.LAST_COORDINATOR');
  });

  it('allows demoting one of two coordinators', () => {
    expect(
      lastCoordinatorError(() => assertCityKeepsACoordinator(['a', 'b'], { userId: 'a', role: 'auditor' })),
    ).toBeUndefined();
  });

  it('allows changes to members who are not coordinators', () => {
    expect(
      lastCoordinatorError(() => assertCityKeepsACoordinator(['a'], { userId: 'c', active: false })),
    ).toBeUndefined();
  });

  it('allows keeping the coordinator role while changing nothing else', () => {
    expect(
      lastCoordinatorError(() => assertCityKeepsACoordinator(['a'], { userId: 'a', role: 'coordinator' })),
    ).toBeUndefined();
  });
});
