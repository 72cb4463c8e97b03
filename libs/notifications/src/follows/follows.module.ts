import { Module } from '@nestjs/common';
import { IndicatorFollows, PgIndicatorFollows } from '../persistence/indicator-follows.repository';
import { FollowIndicatorHandler } from './commands/follow-indicator/follow-indicator.handler';
import { FollowsController } from './follows.controller';
import { ListMyFollowsHandler } from './queries/list-my-follows/list-my-follows.handler';

// Explicit follows of indicators; the notices they bring come from the glossary-notices projection.
@Module({
  controllers: [FollowsController],
  providers: [
    { provide: IndicatorFollows, useClass: PgIndicatorFollows },
    FollowIndicatorHandler,
    ListMyFollowsHandler,
  ],
})
export class FollowsModule {}
