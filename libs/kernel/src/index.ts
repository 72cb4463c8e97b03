export { asCityId, asUserId, Branded, CityId, UserId } from './ids';
export { DomainError, DomainErrorKind, FieldError } from './domain-error';
export { CITY_ROLES, CityRole } from './roles';
export { canonicalJson } from './canonical-json';
export { CursorKey, cursorOf, invalidCursor, Page, PageRequest, pageOf } from './page';
export { Checkpoint } from './checkpoint';
export { Decider, DomainEvent, foldEvents, isEventOf } from './decider';
export { CLOCK, Clock, fixedClock, systemClock } from './clock';
export { CataloguedError, defineErrors, ErrorOptions } from './error-catalogue';
