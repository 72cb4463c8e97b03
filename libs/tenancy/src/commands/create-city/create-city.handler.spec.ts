import { InMemoryCities } from '../../testing/in-memory-cities';
import { CreateCityCommand } from './create-city.command';
import { CreateCityHandler } from './create-city.handler';

const ghent = {
  slug: 'ghent',
  name: 'Ghent',
  countryCode: 'be',
  defaultLocale: 'nl',
  timezone: 'Europe/Brussels',
};

describe('CreateCityHandler', () => {
  it('registers the city with an upper-case country code', async () => {
    const cities = new InMemoryCities();
    const view = await new CreateCityHandler(cities).execute(new CreateCityCommand(ghent));
    expect(view).toEqual({
      ...ghent,
      id: expect.any(String),
      countryCode: 'BE',
      createdAt: expect.any(String),
    });
    expect(cities.rows).toHaveLength(1);
  });

  it('refuses a slug that is taken, naming it', async () => {
    const handler = new CreateCityHandler(new InMemoryCities());
    await handler.execute(new CreateCityCommand(ghent));
    await expect(handler.execute(new CreateCityCommand({ ...ghent, name: 'Gent' }))).rejects.toMatchObject({
      code: 'CITY.SLUG_TAKEN',
      message: 'A city with slug "ghent" already exists',
      errors: [{ field: 'slug', message: 'is already taken' }],
    });
  });
});
