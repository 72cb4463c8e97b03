import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { TIMELINE_SOURCE, TimelineSource } from './timeline-source';

// Every context's timeline source, found at start-up among the application's providers.
@Injectable()
export class TimelineSources implements OnModuleInit {
  private sources: TimelineSource[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    this.sources = this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && this.reflector.get<boolean>(TIMELINE_SOURCE, w.metatype))
      .map((w) => w.instance as TimelineSource);
  }

  all(): readonly TimelineSource[] {
    return this.sources;
  }
}
