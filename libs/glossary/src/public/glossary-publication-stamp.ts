import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ExtraReadStamp, ReadStamp } from '@rl/web';
import { PublishedGlossaries } from '../persistence/published-glossaries.repository';

// Publishing or withdrawing a glossary writes its flag with its event, and no projection follows that
// event: the flag itself joins the terms' position in the ETag, so the tag moves at its commit.
@Injectable()
export class GlossaryPublicationStamp implements ExtraReadStamp {
  constructor(private readonly published: PublishedGlossaries) {}

  async of(req: Request): Promise<ReadStamp> {
    const city = await this.published.city(String(req.params.city));
    const isPublic = city !== null && (await this.published.isPublic(city.id));
    return { key: `public@${isPublic}`, modifiedAt: null };
  }
}
