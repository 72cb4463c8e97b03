import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Job } from 'bullmq';
import { HandlesJob, JobHandlerOf } from './job-handler';
import { JobDispatcher } from './job-dispatcher';
import { JOB_QUEUE, JobName, QueueName } from './queues';

const handled: string[] = [];

@Injectable()
@HandlesJob('maintenance.purge-expired-credentials')
class PurgeHandler implements JobHandlerOf<'maintenance.purge-expired-credentials'> {
  handle(): Promise<void> {
    handled.push('purge');
    return Promise.resolve();
  }
}

@Injectable()
@HandlesJob('maintenance.purge-expired-credentials')
class SecondPurgeHandler extends PurgeHandler {}

@Injectable()
@HandlesJob('projections.catch-up')
class CatchUpHandler implements JobHandlerOf<'projections.catch-up'> {
  handle(): Promise<void> {
    handled.push('catch-up');
    return Promise.resolve();
  }
}

// Handlers of every other job, so that each boot below fails only for what its test is about.
const otherHandlers = (Object.keys(JOB_QUEUE) as JobName[])
  .filter((name) => name !== 'maintenance.purge-expired-credentials' && name !== 'projections.catch-up')
  .map((name) => {
    @Injectable()
    @HandlesJob(name)
    class OtherHandler {
      handle(): Promise<void> {
        return Promise.resolve();
      }
    }
    return OtherHandler;
  });

const boot = async (handlers: (new () => unknown)[]) => {
  @Module({ imports: [DiscoveryModule], providers: [JobDispatcher, ...handlers, ...otherHandlers] })
  class TestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
  return moduleRef.init();
};

describe('JobDispatcher', () => {
  it('routes a job to its handler', async () => {
    const app = await boot([PurgeHandler, CatchUpHandler]);
    await app
      .get(JobDispatcher)
      .dispatch(QueueName.Maintenance, { name: 'maintenance.purge-expired-credentials', data: {} } as Job);
    expect(handled).toEqual(['purge']);
    await app.close();
  });

  it('refuses a job that arrives on a queue that does not carry it', async () => {
    const app = await boot([PurgeHandler, CatchUpHandler]);
    await expect(
      app
        .get(JobDispatcher)
        .dispatch(QueueName.Exports, { name: 'maintenance.purge-expired-credentials', data: {} } as Job),
    ).rejects.toThrow('No handler');
    await app.close();
  });

  it('fails at start-up when a job has no handler', async () => {
    await expect(boot([CatchUpHandler])).rejects.toThrow(
      'maintenance.purge-expired-credentials has no handler',
    );
  });

  it('fails at start-up when a job has two handlers', async () => {
    await expect(boot([PurgeHandler, SecondPurgeHandler, CatchUpHandler])).rejects.toThrow(
      'has two handlers',
    );
  });
});
