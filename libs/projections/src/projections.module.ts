import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Checkpoints } from './checkpoints';
import { CatchUpHandler, ProjectionSweep } from './projection-jobs';
import { ProjectionRebuilder } from './projection-rebuilder';
import { ProjectionRegistry } from './projection-registry';
import { ProjectionRunner } from './projection-runner';
import { ProjectionWaiter } from './projection-waiter';
import { ProjectionWakeups, WakeProjectionsOnAppend } from './projection-wakeups';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    Checkpoints,
    ProjectionRegistry,
    ProjectionRunner,
    ProjectionRebuilder,
    ProjectionWaiter,
    ProjectionWakeups,
    WakeProjectionsOnAppend,
    CatchUpHandler,
    ProjectionSweep,
  ],
  exports: [
    ProjectionSweep,
    Checkpoints,
    ProjectionRegistry,
    ProjectionRunner,
    ProjectionRebuilder,
    ProjectionWaiter,
    ProjectionWakeups,
  ],
})
export class ProjectionsModule {}
