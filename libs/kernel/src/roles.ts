// Roles a user can hold in one city; the platform operator is a separate, platform-wide flag.
export const CITY_ROLES = [
  'coordinator',
  'official',
  'collector',
  'researcher',
  'auditor',
  'observer',
] as const;
export type CityRole = (typeof CITY_ROLES)[number];
