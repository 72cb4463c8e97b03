// Branded ids: a CityId cannot be passed where a UserId is expected, and a plain string must be
// converted on purpose, so forgetting which city a call is about becomes a type error.
declare const brand: unique symbol;
export type Branded<T, B extends string> = T & { readonly [brand]: B };

export type CityId = Branded<string, 'CityId'>;
export type UserId = Branded<string, 'UserId'>;

export const asCityId = (id: string): CityId => id as CityId;
export const asUserId = (id: string): UserId => id as UserId;
