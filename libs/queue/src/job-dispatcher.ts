import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Job } from 'bullmq';
import { JOB_HANDLER, JobHandlerOf } from './job-handler';
import { JOB_QUEUE, JobName, QueueName } from './queues';

// Routes each job to its handler; refuses to start when a job has no handler or two.
@Injectable()
export class JobDispatcher implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandlerOf<JobName>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const problems: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, wrapper.metatype);
      if (name === undefined) continue;
      if (this.handlers.has(name)) problems.push(`job ${name} has two handlers`);
      this.handlers.set(name, wrapper.instance as JobHandlerOf<JobName>);
    }
    for (const name of Object.keys(JOB_QUEUE) as JobName[]) {
      if (!this.handlers.has(name)) problems.push(`job ${name} has no handler`);
    }
    if (problems.length > 0) throw new Error(`Job wiring is broken: ${problems.join('; ')}`);
  }

  async dispatch(queue: QueueName, job: Job): Promise<void> {
    const name = job.name as JobName;
    const handler = this.handlers.get(name);
    if (!handler || JOB_QUEUE[name] !== queue)
      throw new Error(`No handler for job ${job.name} on queue ${queue}`);
    await handler.handle(job.data as never);
  }
}
