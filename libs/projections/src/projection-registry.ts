import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { PROJECTION, Projection } from './projection';
import { REACTOR, Reactor } from './reactor';

@Injectable()
export class ProjectionRegistry implements OnModuleInit {
  private readonly projections = new Map<string, Projection>();
  private readonly reactors = new Map<string, Reactor>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      if (this.reflector.get<boolean>(PROJECTION, wrapper.metatype))
        this.register(this.projections, wrapper.instance as Projection);
      if (this.reflector.get<boolean>(REACTOR, wrapper.metatype))
        this.register(this.reactors, wrapper.instance as Reactor);
    }
    // Projections and reactors share the checkpoint table and the wake-up job: one namespace.
    for (const reactor of this.reactors.values()) {
      if (this.projections.has(reactor.name))
        throw new Error(`A projection and a reactor are both named ${reactor.name}`);
      if (!this.projections.has(reactor.follows))
        throw new Error(`Reactor ${reactor.name} follows ${reactor.follows}, which is not registered`);
    }
  }

  private register<T extends { name: string }>(into: Map<string, T>, item: T): void {
    if (into.has(item.name)) throw new Error(`Two projections or reactors are named ${item.name}`);
    into.set(item.name, item);
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

  allReactors(): Reactor[] {
    return [...this.reactors.values()];
  }

  reactor(name: string): Reactor | undefined {
    return this.reactors.get(name);
  }

  // The reactors that read this projection's rows.
  followersOf(projection: string): Reactor[] {
    return this.allReactors().filter((r) => r.follows === projection);
  }
}
