import { cpus } from 'node:os';
import { readTemplate, sheetNames, templateSheet, TemplateWork, templateWorkbook } from '@rl/forms';
import { log, now, percentile, round, runBench, table } from './bench-kit';

// npm run bench:templates: generating the "all my open assignments" workbook for BENCH_INDICATORS (50)
// assignments of BENCH_CELLS (20) cells each, as GET …/me/assignments/template.xlsx builds it once the
// work is read (time and size), and reading it back as an upload does (every sheet's metadata and
// values). Pure CPU and memory: no database; BENCH_RUNS (5) runs, the first a warm-up.
const INDICATORS = Number(process.env.BENCH_INDICATORS ?? 50);
const CELLS = Number(process.env.BENCH_CELLS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const KEY = 'bench-template-signing-key-0123456789';

// The total and CELLS - 1 values of three dimensions (district open-ended in size).
function work(i: number): TemplateWork {
  const values = Array.from({ length: CELLS - 1 }, (_, v) => v);
  const id = (n: number) => `01a00000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  return {
    cityId: id(0),
    assignmentId: id(1_000 + i),
    indicatorId: id(2_000 + i),
    periodId: id(3),
    periodCode: '2026',
    deadline: new Date('2027-03-31T21:59:59Z'),
    definitionVersion: 2,
    indicator: {
      code: `BENCH-${i}`,
      name: { en: `Indicator ${i} (illustrative)`, nl: `Indicator ${i}` },
      description: { en: 'What it counts, as the city defined it (illustrative).' },
      unit: i % 2 === 0 ? 'percent' : 'count',
      disaggregations: [
        { dimension: 'sex', values: ['F', 'M'].filter((_, v) => v < values.length) },
        { dimension: 'age', values: ['0-17', '18-64', '65+'].filter((_, v) => v + 2 < values.length) },
        { dimension: 'district', values: values.slice(5).map((v) => `District ${v - 4}`) },
      ],
    },
    kind: i % 2 === 0 ? 'percent' : 'count',
    lastValue: (cell) => (Object.keys(cell).length === 0 ? { value: 42, periodCode: '2025' } : undefined),
  };
}

async function main(): Promise<void> {
  log(
    `Template benchmark: ${INDICATORS} sheets × ${CELLS} cells (${cpus().length} CPUs, Node ${process.version})`,
  );
  const works = Array.from({ length: INDICATORS }, (_, i) => work(i));
  const names = sheetNames(works.map((w) => `${w.indicator.code} ${w.periodCode}`));
  const generate: number[] = [];
  const read: number[] = [];
  let bytes = 0;
  for (let run = 0; run <= RUNS; run++) {
    const start = now();
    const buffer = await templateWorkbook(
      works.map((w, i) => templateSheet(w, names[i], 'nl')),
      KEY,
    );
    const generated = now();
    const sheets = await readTemplate(buffer);
    const values = sheets?.flatMap((sheet) => sheet.values(CELLS)) ?? [];
    if (values.length !== INDICATORS * CELLS) throw new Error(`read back ${values.length} values`);
    if (run === 0) continue;
    generate.push(generated - start);
    read.push(now() - generated);
    bytes = buffer.length;
  }
  const row = (what: string, ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return [what, round(percentile(sorted, 50)), round(sorted[sorted.length - 1])];
  };
  log(
    table(
      ['step', 'median ms', 'max ms'],
      [row('generate workbook', generate), row('read back (upload)', read)],
    ),
  );
  log(`workbook size: ${round(bytes / 1024)} KiB for ${INDICATORS * CELLS} cells`);
}

runBench(main);
