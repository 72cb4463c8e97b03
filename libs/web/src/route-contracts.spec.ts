import { Controller, Get, Patch, Post, Put, Type as Class } from '@nestjs/common';
import { ApiProperty, OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { openApiDocument } from './openapi';
import { ApiCityList, ApiCityRead, ApiCommand } from './route-contracts';

class ThingView {
  @ApiProperty() id!: string;
}

@Controller('cities/:city/things')
class ThingsController {
  @Post()
  @ApiCommand({ roles: ['coordinator'], answer: { type: ThingView, status: 201 } })
  create(): void {}

  @Patch(':id')
  @ApiCommand({ roles: ['coordinator', 'official'], operator: true, ifMatch: 'The version you reviewed' })
  update(): void {}

  @Put(':id')
  @ApiCommand({
    roles: ['coordinator'],
    ifMatch: { description: 'Without it: unconditional', required: false },
  })
  replace(): void {}

  @Get()
  @ApiCityList(ThingView, 'By name')
  list(): void {}

  @Get(':id')
  @ApiCityRead(ThingView)
  get(): void {}
}

// The document of the controller alone, as the API serves it.
async function documentOf(controller: Class<unknown>): Promise<OpenAPIObject> {
  const moduleRef = await Test.createTestingModule({ controllers: [controller] }).compile();
  const app = moduleRef.createNestApplication();
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}

describe('route contracts', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await documentOf(ThingsController);
  });

  const operation = (path: string, method: 'get' | 'post' | 'patch') => {
    const found = document.paths[path][method];
    if (!found) throw new Error(`no ${method} ${path}`);
    return {
      headers: (found.parameters ?? []).flatMap((p) => ('in' in p && p.in === 'header' ? [p.name] : [])),
      responses: found.responses,
    };
  };

  it('documents a command: access, the command headers, and its answer', () => {
    const create = operation('/cities/{city}/things', 'post');
    expect(create.headers.sort()).toEqual(['Idempotency-Key', 'X-Correlation-ID']);
    expect(Object.keys(create.responses).sort()).toEqual(['201', '401', '403', '404']);
    expect(create.responses['201']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingView' } } },
    });

    const update = operation('/cities/{city}/things/{id}', 'patch');
    expect(update.headers.sort()).toEqual(['Idempotency-Key', 'If-Match', 'X-Correlation-ID']);
    expect(update.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/WriteResultView' } } },
    });
    expect(update.responses['403']).toEqual({
      description: 'Requires one of: coordinator, official, operator',
    });
    const ifMatch = document.paths['/cities/{city}/things/{id}'].patch?.parameters?.find(
      (p) => 'name' in p && p.name === 'If-Match',
    );
    expect(ifMatch).toMatchObject({ required: true, description: 'The version you reviewed' });
  });

  it('documents an If-Match the caller may leave out', () => {
    const optional = document.paths['/cities/{city}/things/{id}'].put?.parameters?.find(
      (p) => 'name' in p && p.name === 'If-Match',
    );
    expect(optional).toMatchObject({ required: false, description: 'Without it: unconditional' });
  });

  it('documents the reads of a projection: the page or the ETag, and the wait for minPosition', () => {
    const list = operation('/cities/{city}/things', 'get');
    expect(Object.keys(list.responses).sort()).toEqual(['200', '400', '401', '403', '404', '503']);
    expect(list.responses['503']).toEqual({
      description: 'PROJECTION.BEHIND: minPosition not reached in time (Retry-After)',
    });

    const get = operation('/cities/{city}/things/{id}', 'get');
    expect(get.responses['200']).toMatchObject({ description: 'ETag carries the version' });
    expect(Object.keys(get.responses)).toContain('503');
  });
});
