import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TimelineController } from './timeline.controller';
import { GetTimelineHandler } from './queries/get-timeline/get-timeline.handler';
import { TimelineReader } from './timeline.reader';
import { TimelineSources } from './timeline-sources';

@Module({
  imports: [DiscoveryModule],
  controllers: [TimelineController],
  providers: [TimelineSources, TimelineReader, GetTimelineHandler],
  exports: [TimelineReader],
})
export class TimelineModule {}
