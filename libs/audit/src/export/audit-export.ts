import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { chainChunk, toRow } from '../chain-verifier';
import { latestCheckpoint, readHead } from '../checkpoints/checkpoint-store';

const CHUNK_SIZE = 2_000;

// A city's log as NDJSON for offline verification (npm run audit:verify): a {"head"} line, the latest
// {"checkpoint"} line if any, then one ChainRow per event in position order, up to that head. Chunks are
// read in short transactions of their own as the client takes them (a slow client never holds a
// transaction open, nor the whole log in memory); events up to the head never change, so the file is
// consistent.
@Injectable()
export class AuditExport {
  constructor(private readonly db: TenantDb) {}

  stream(cityId: CityId): Readable {
    return Readable.from(this.lines(cityId));
  }

  private async *lines(cityId: CityId): AsyncGenerator<string> {
    const { head, checkpoint } = await this.db.inCitySnapshot(cityId, async (em) => ({
      head: await readHead(em, cityId),
      checkpoint: await latestCheckpoint(em, cityId),
    }));
    yield JSON.stringify({ head }) + '\n';
    if (checkpoint) yield JSON.stringify({ checkpoint }) + '\n';
    for (let after = 0; after < head.lastPosition;) {
      const chunk = await this.db.inCity(cityId, (em) =>
        chainChunk(em, cityId, after, CHUNK_SIZE, head.lastPosition),
      );
      if (chunk.length === 0) break;
      yield chunk.map((record) => JSON.stringify(toRow(record)) + '\n').join('');
      after = Number(chunk[chunk.length - 1].position);
    }
  }
}
