import { Injectable } from '@nestjs/common';
import { PersonalDataDeclarations, PersonalFields } from './personal/personal-fields';

type Upcaster = (data: unknown) => unknown;

interface EventSchema {
  version: number;
  // upcasters[v] turns data of schema version v into version v + 1.
  upcasters: Record<number, Upcaster>;
}

// The current schema version of each event type and how to read older ones. Old events are upcast when
// read, never rewritten (their hashes cover what was recorded).
@Injectable()
export class EventSchemas {
  private readonly schemas = new Map<string, EventSchema>();
  private readonly personal = new Map<string, PersonalFields>();

  register(type: string, version: number, upcasters: Record<number, Upcaster> = {}): void {
    for (let v = 1; v < version; v++) {
      if (!upcasters[v]) throw new Error(`Event ${type} v${version} lacks an upcaster from v${v}`);
    }
    this.schemas.set(type, { version, upcasters });
  }

  // A context declares, when its module is built, which fields of its event types are personal data.
  declarePersonal(declarations: PersonalDataDeclarations): void {
    for (const [type, fields] of Object.entries(declarations)) {
      if (this.personal.has(type)) throw new Error(`Personal fields of ${type} are declared twice`);
      this.personal.set(type, fields);
    }
  }

  personalFields(type: string): PersonalFields | undefined {
    return this.personal.get(type);
  }

  currentVersion(type: string): number {
    return this.schemas.get(type)?.version ?? 1;
  }

  upcast(type: string, schemaVersion: number, data: unknown): unknown {
    const schema = this.schemas.get(type);
    let current = data;
    for (let v = schemaVersion; schema && v < schema.version; v++) current = schema.upcasters[v](current);
    return current;
  }
}
