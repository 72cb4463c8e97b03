import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ReadStamps } from '@rl/web';
import { CheckpointStamps } from './checkpoint-stamps';
import { Checkpoints } from './checkpoints';
import { CatchUpHandler, ProjectionSweep } from './projection-jobs';
import { ProjectionRebuilder } from './projection-rebuilder';
import { ProjectionRegistry } from './projection-registry';
import { ProjectionRunner } from './projection-runner';
import { ProjectionWaiter } from './projection-waiter';
import { ProjectionWakeups, WakeProjectionsOnAppend } from './projection-wakeups';
import { ReactorRunner } from './reactor-runner';
import { ScratchReplay } from './scratch-replay';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    Checkpoints,
    ProjectionRegistry,
    ProjectionRunner,
    ReactorRunner,
    ProjectionRebuilder,
    ProjectionWaiter,
    ProjectionWakeups,
    WakeProjectionsOnAppend,
    CatchUpHandler,
    ProjectionSweep,
    ScratchReplay,
    { provide: ReadStamps, useClass: CheckpointStamps },
  ],
  exports: [
    ReadStamps,
    ProjectionSweep,
    Checkpoints,
    ProjectionRegistry,
    ProjectionRunner,
    ReactorRunner,
    ProjectionRebuilder,
    ProjectionWaiter,
    ProjectionWakeups,
    ScratchReplay,
  ],
})
export class ProjectionsModule {}
