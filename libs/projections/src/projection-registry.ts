import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { PROJECTION, Projection } from './projection';

@Injectable()
export class ProjectionRegistry implements OnModuleInit {
  private readonly projections = new Map<string, Projection>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (
        !wrapper.metatype ||
        !wrapper.instance ||
        !this.reflector.get<boolean>(PROJECTION, wrapper.metatype)
      )
        continue;
      const projection = wrapper.instance as Projection;
      if (this.projections.has(projection.name))
        throw new Error(`Two projections are named ${projection.name}`);
      this.projections.set(projection.name, projection);
    }
  }

  all(): Projection[] {
    return [...this.projections.values()];
  }

  get(name: string): Projection {
    const projection = this.projections.get(name);
    if (!projection)
      throw new Error(`No projection named ${name}; known: ${[...this.projections.keys()].join(', ')}`);
    return projection;
  }

  // The event types a projection handles, or null where this process does not run it.
  handlesOf(name: string): readonly string[] | null {
    return this.projections.get(name)?.handles ?? null;
  }

  handling(types: readonly string[]): Projection[] {
    return this.all().filter((p) => p.handles.some((type) => types.includes(type)));
  }
}
