import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { CityId } from '@rl/kernel';
import { assembleContent, ReportRequest } from '../content/assemble-content';
import { contentHashOf, ReportContent } from '../domain/report-content';
import { ReportPin } from '../domain/report.events';
import { PinnedReplay } from './pinned-replay';
import { ReportSources } from './report-sources';

export interface GeneratedReport {
  pin: ReportPin;
  content: ReportContent;
  contentHash: string;
}

// A report's content at a position of the city's log (its head unless `upTo` names an earlier one):
// the same position gives the same content and hash.
@Injectable()
export class ReportGenerator {
  constructor(
    private readonly replay: PinnedReplay,
    private readonly sources: ReportSources,
    private readonly config: AppConfig,
  ) {}

  async generate(
    cityId: CityId,
    request: ReportRequest,
    options: { upTo?: number; progress?: (percent: number) => Promise<void> } = {},
  ): Promise<GeneratedReport> {
    const city = await this.sources.city(cityId);
    return this.replay.at(
      cityId,
      async (em, pin) => {
        const rows = await this.sources.read(em, cityId, request.year, city);
        const content = assembleContent(rows, request, pin, this.config.openData.disclosureMinCount);
        return { pin, content, contentHash: contentHashOf(content) };
      },
      options,
    );
  }
}
