import { Controller, Get, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Public } from './access.decorators';
import { WebModule } from './web.module';

@Controller('declared')
class DeclaredController {
  @Get()
  @Public()
  ok(): string {
    return 'ok';
  }
}

@Controller('forgotten')
class ForgottenController {
  @Get()
  forgotten(): string {
    return 'leak';
  }
}

describe('RouteAccessAuditor', () => {
  const boot = async (controller: new () => unknown) => {
    @Module({ imports: [WebModule], controllers: [controller] })
    class TestModule {}
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    return moduleRef.createNestApplication().init();
  };

  it('lets an application start when every route declares an access rule', async () => {
    const app = await boot(DeclaredController);
    await app.close();
  });

  it('refuses to start an application with a route that declares no access rule', async () => {
    await expect(boot(ForgottenController)).rejects.toThrow('ForgottenController.forgotten');
  });
});
