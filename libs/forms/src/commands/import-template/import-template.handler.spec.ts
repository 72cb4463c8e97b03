import { CommandBus } from '@nestjs/cqrs';
import { AppConfig } from '@rl/config';
import { CityId } from '@rl/kernel';
import { ImportOpenSdgCommand, ImportTemplateCommand } from '@rl/reporting';
import { CommandMetadata } from '@rl/web';
import ExcelJS from 'exceljs';
import { templateSheet, TemplateWork } from '../../domain/template-sheet';
import { CollectionWork, WorkAssignment, WorkIndicator } from '../../persistence/collection-work.repository';
import { templateWorkbook } from '../../templates/template-workbook';
import { ImportTemplateHandler } from './import-template.handler';

const CITY = '01a00000-0000-7000-8000-0000000000c1' as CityId;
const KEY = 'k'.repeat(40);
const ORG = '01a00000-0000-7000-8000-0000000000a1';
const ASSIGNMENT: WorkAssignment = {
  id: '01a00000-0000-7000-8000-0000000000a2',
  indicatorId: '01a00000-0000-7000-8000-0000000000a3',
  organisationId: ORG,
  periodId: '01a00000-0000-7000-8000-0000000000a4',
  active: true,
  periodCode: '2024',
  deadline: new Date('2025-03-31T00:00:00Z'),
  submissionStatus: null,
};
const INDICATOR: WorkIndicator = {
  definition: {
    code: 'ND-1',
    name: { en: 'Complaints' },
    right: 'non-discrimination',
    type: 'process',
    unit: 'count',
    direction: 'neutral',
    disaggregations: [{ dimension: 'sex', values: ['F', 'M'] }],
    frameworkRefs: [],
  },
  version: 3,
  series: 1,
  status: 'active',
};
const WORK: TemplateWork = {
  cityId: CITY,
  assignmentId: ASSIGNMENT.id,
  indicatorId: ASSIGNMENT.indicatorId,
  periodId: ASSIGNMENT.periodId,
  periodCode: '2024',
  deadline: ASSIGNMENT.deadline,
  definitionVersion: 3,
  indicator: INDICATOR.definition,
  kind: 'count',
  lastValue: () => undefined,
};

class InMemoryWork extends CollectionWork {
  assignment = ASSIGNMENT;
  indicatorVersion = 3;
  assignments = async (_: CityId, ids: readonly string[]) =>
    ids.includes(this.assignment.id) ? [this.assignment] : [];
  activeAssignments = async () => [this.assignment];
  indicator = async () => ({ ...INDICATOR, version: this.indicatorVersion });
  lastValidated = async () => new Map();
  locale = async () => 'en';
}

const collector: CommandMetadata = {
  actorId: '01a00000-0000-7000-8000-0000000000u1',
  actorRole: 'collector',
  organisationId: ORG,
};

async function filled(values: (string | number)[], change?: (workbook: ExcelJS.Workbook) => void) {
  const buffer = await templateWorkbook([templateSheet(WORK, 'ND-1 2024', 'en')], KEY);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  values.forEach((value, i) => (workbook.getWorksheet('ND-1 2024')!.getCell(9 + i, 2).value = value));
  change?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('ImportTemplateHandler', () => {
  let work: InMemoryWork;
  let sent: ImportOpenSdgCommand[];
  let handler: ImportTemplateHandler;
  const upload = async (buffer: Buffer, metadata = collector, input = {}) =>
    handler.execute(
      new ImportTemplateCommand(CITY, 'Europe/Brussels', input, { name: 't.xlsx', buffer }, metadata),
    );
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: { code: string }) => error.code,
    );

  beforeEach(() => {
    work = new InMemoryWork();
    sent = [];
    const bus = {
      execute: async (command: ImportOpenSdgCommand) => {
        sent.push(command);
        return { id: 'import', ok: true };
      },
    } as unknown as CommandBus;
    handler = new ImportTemplateHandler(bus, work, { templates: { signingKey: KEY } } as AppConfig);
  });

  it('imports the sheet as an Open SDG file for the assignment, rows on their sheet lines', async () => {
    await upload(await filled(['12', '', 7]));
    expect(sent).toHaveLength(1);
    const [command] = sent;
    expect(command.input).toEqual({
      indicatorId: ASSIGNMENT.indicatorId,
      organisationId: ORG,
      dryRun: 'false',
    });
    const lines = command.file.buffer.toString().split('\n');
    expect(lines.slice(7, 11)).toEqual([
      '"Year","sex","Value"',
      '"2024","","12"',
      '"2024","F",""',
      '"2024","M","7"',
    ]);
  });

  it('passes a text that is no plain number on marked, for the import to refuse with its row', async () => {
    await upload(await filled(['1.234,5', '2,5']));
    const lines = sent[0].file.buffer.toString().split('\n');
    expect(lines[8]).toBe('"2024","","1.234,5 (not a plain number)"');
    expect(lines[9]).toBe('"2024","F","2.5"');
  });

  it('refuses a tampered meta sheet, another city, a stale definition, an assignment not the caller’s', async () => {
    const tampered = await filled([1], (wb) => (wb.getWorksheet('meta')!.getCell(2, 5).value = 9));
    expect(await failure(upload(tampered))).toBe('TEMPLATE.TAMPERED');
    const renamed = await filled([1], (wb) => (wb.getWorksheet('ND-1 2024')!.name = 'mine'));
    expect(await failure(upload(renamed))).toBe('TEMPLATE.TAMPERED');

    const elsewhere = new ImportTemplateCommand(
      '01a00000-0000-7000-8000-0000000000c2' as CityId,
      'UTC',
      {},
      { name: 't.xlsx', buffer: await filled([1]) },
      collector,
    );
    expect(await failure(handler.execute(elsewhere))).toBe('TEMPLATE.OTHER_CITY');

    // A copied metadata row: the same signed assignment twice would be written twice.
    const copied = await filled([1], (wb) => {
      const meta = wb.getWorksheet('meta')!;
      meta.addRow(meta.getRow(2).values);
    });
    expect(await failure(upload(copied))).toBe('TEMPLATE.TAMPERED');

    work.indicatorVersion = 4;
    expect(await failure(upload(await filled([1])))).toBe('TEMPLATE.STALE_DEFINITION');
    work.indicatorVersion = 3;

    const stranger = { ...collector, organisationId: '01a00000-0000-7000-8000-0000000000a9' };
    expect(await failure(upload(await filled([1]), stranger))).toBe('TEMPLATE.NOT_YOURS');
    work.assignment = { ...ASSIGNMENT, active: false };
    expect(await failure(upload(await filled([1])))).toBe('TEMPLATE.NOT_YOURS');
    expect(sent).toEqual([]);
  });

  it('refuses a file that is no template and fields a template does not take', async () => {
    expect(await failure(upload(Buffer.from('Year,Value\n2024,1\n')))).toBe('TEMPLATE.NOT_A_TEMPLATE');
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('data').addRow(['Year', 'Value']);
    expect(await failure(upload(Buffer.from(await plain.xlsx.writeBuffer())))).toBe(
      'TEMPLATE.NOT_A_TEMPLATE',
    );
    expect(await failure(upload(await filled([1]), collector, { organisationId: ORG }))).toBe(
      'TEMPLATE.NOT_A_TEMPLATE',
    );
  });
});
