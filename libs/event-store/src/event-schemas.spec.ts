import { EventSchemas } from './event-schemas';

describe('EventSchemas', () => {
  const schemas = new EventSchemas();
  schemas.register('NameChanged', 3, {
    1: (data) => ({ name: (data as { title: string }).title }),
    2: (data) => ({ ...(data as object), locale: 'en' }),
  });

  it('upcasts an old event step by step to the current version', () => {
    expect(schemas.upcast('NameChanged', 1, { title: 'Old' })).toEqual({ name: 'Old', locale: 'en' });
    expect(schemas.upcast('NameChanged', 2, { name: 'Mid' })).toEqual({ name: 'Mid', locale: 'en' });
  });

  it('leaves current and unregistered events as they are', () => {
    expect(schemas.upcast('NameChanged', 3, { name: 'New', locale: 'nl' })).toEqual({
      name: 'New',
      locale: 'nl',
    });
    expect(schemas.upcast('Unknown', 1, { x: 1 })).toEqual({ x: 1 });
    expect(schemas.currentVersion('Unknown')).toBe(1);
    expect(schemas.currentVersion('NameChanged')).toBe(3);
  });

  it('refuses a schema whose upcaster chain has a hole', () => {
    expect(() => new EventSchemas().register('Broken', 3, { 1: (d) => d })).toThrow(
      'lacks an upcaster from v2',
    );
  });
});
