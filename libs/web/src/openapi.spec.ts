import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { CityAccess, OperatorOnly, Public, SignedIn } from './access.decorators';
import { METRICS_TOKEN_SCHEME, openApiDocument } from './openapi';

@Controller()
class RoutesController {
  @Get('open')
  @Public()
  open(): void {}

  @Get('me')
  @SignedIn()
  me(): void {}

  @Get('platform')
  @OperatorOnly()
  platform(): void {}

  @Get('cities/:city')
  @CityAccess(['coordinator'])
  city(): void {}

  @Get('scrape')
  @Public()
  @ApiBearerAuth(METRICS_TOKEN_SCHEME)
  scrape(): void {}
}

describe('openApiDocument', () => {
  let app: INestApplication;

  beforeAll(async () => {
    @Module({ controllers: [RoutesController] })
    class RoutesModule {}
    const moduleRef = await Test.createTestingModule({ imports: [RoutesModule] }).compile();
    app = moduleRef.createNestApplication();
  });

  afterAll(() => app.close());

  it("declares each operation's security from its access rule, keeping a route's own scheme", () => {
    const { paths } = openApiDocument(app);
    expect(paths['/open'].get?.security).toEqual([]);
    expect(paths['/me'].get?.security).toEqual([{ bearer: [] }]);
    expect(paths['/platform'].get?.security).toEqual([{ bearer: [] }]);
    expect(paths['/cities/{city}'].get?.security).toEqual([{ bearer: [] }]);
    expect(paths['/scrape'].get?.security).toEqual([{ [METRICS_TOKEN_SCHEME]: [] }]);
  });
});
