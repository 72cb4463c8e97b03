import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { databaseUrl, dataSourceOptions, TenantDb } from '@rl/persistence';
import { EXPORT_FORMATS, PublicSeriesReader } from '@rl/open-data';
import type { SdmxMapping } from '../../libs/open-data/src/domain/sdmx-mapping';
import { PgPublishedSeries } from '../../libs/open-data/src/persistence/published-series.repository';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import { benchConfig, connect, log, now, round, runBench, table } from './bench-kit';

// npm run bench:open-data: the public export of one indicator with 100,000 observations (BENCH_PERIODS
// periods × a district × age table with its margins, 1,000 cells a period; a tenth of them small, so
// suppression has work), as GET /v1/public/cities/:city/data/:code does it: the read through the public
// reader role, suppression (primary and secondary), then CSV and JSON. Rows are inserted straight into
// the shared tables of a scratch database (BENCH_DATABASE, default rl_bench_open_data), created and
// dropped. Prints the time of each step (CSV, JSON, SDMX-CSV with a mapping coding every district and age
// group, Open SDG) and the process's peak RSS.
process.env.BENCH_DATABASE ??= 'rl_bench_open_data';
const PERIODS = Number(process.env.BENCH_PERIODS ?? 100);
const DISTRICTS = 99;
const AGES = 9;
const CODE = 'BENCH-1';

// Districts as URBANISATION-like custom breakdown codes and age groups as AGE codes: every value coded.
const codes = (prefix: string, count: number) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${prefix}${i + 1}`, `${prefix.toUpperCase()}${i + 1}`]),
  );
const SDMX_MAPPING: SdmxMapping = {
  series: 'BENCH_SERIES',
  refArea: 'BE_GHENT',
  unitMeasure: 'NUMBER',
  dimensions: {
    district: { code: 'CUST_BREAKDOWN', values: codes('d', DISTRICTS) },
    age: { code: 'AGE', values: codes('a', AGES) },
  },
};

async function seed(url: string, cityId: string, indicatorId: string): Promise<number> {
  const admin = await connect(url);
  try {
    await admin.query(
      `INSERT INTO published_indicators (tenant_id, indicator_id, framework, code, city_slug, city_name, definition, comparable, public)
       VALUES ($1, $2, '', '', 'bench', 'Bench', $3, false, true)`,
      [
        cityId,
        indicatorId,
        JSON.stringify({
          indicatorCode: CODE,
          name: 'Bench',
          unit: 'count',
          dimensions: ['district', 'age'],
        }),
      ],
    );
    await admin.query(
      `INSERT INTO publication_flags (tenant_id, indicator_id, comparable, public) VALUES ($1, $2, false, true)`,
      [cityId, indicatorId],
    );
    // Every (district | all) × (age | all) cell of every period; 1 in 10 inner cells below 5.
    const inserted = await admin.query(
      `INSERT INTO published_observations
         (tenant_id, indicator_id, period, key, disaggregation, value, status, definition_version, series, source, comparable, public)
       SELECT $1, $2, (1900 + p)::text,
              concat_ws(',', CASE WHEN a > 0 THEN 'age:a' || a END, CASE WHEN d > 0 THEN 'district:d' || d END),
              jsonb_strip_nulls(jsonb_build_object('district', CASE WHEN d > 0 THEN 'd' || d END,
                                                   'age', CASE WHEN a > 0 THEN 'a' || a END)),
              CASE WHEN d > 0 AND a > 0 THEN (CASE WHEN (p * 7 + d * 3 + a) % 10 = 0 THEN 1 + (d % 4) ELSE 5 + (d * a) % 40 END)
                   ELSE 1000 END,
              'normal', 1, 1, 'bench', false, true
         FROM generate_series(1, $3::int) p, generate_series(0, $4::int) d, generate_series(0, $5::int) a`,
      [cityId, indicatorId, PERIODS, DISTRICTS, AGES],
    );
    return inserted.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

async function main(): Promise<void> {
  const config = benchConfig(4);
  const { database } = await bootstrapDatabase(config);
  const app = await new DataSource(dataSourceOptions(config, 'app')).initialize();
  try {
    const rows = await seed(databaseUrl(config, 'admin'), randomUUID(), randomUUID());
    const reader = new PublicSeriesReader(new PgPublishedSeries(new TenantDb(app)), config);
    const timings: (string | number)[][] = [];
    const time = async <T>(step: string, work: () => Promise<T> | T): Promise<T> => {
      const start = now();
      const result = await work();
      timings.push([step, round(now() - start)]);
      return result;
    };
    const series = await time('read + suppress (public)', () => reader.read('bench', CODE, 'public'));
    const csv = await time('render CSV', () => EXPORT_FORMATS.csv.render(series));
    const json = await time('render JSON', () => EXPORT_FORMATS.json.render(series));
    const sdmx = await time('render SDMX-CSV 2.0', () =>
      EXPORT_FORMATS['sdmx-csv'].render(series, SDMX_MAPPING),
    );
    const openSdg = await time('render Open SDG CSV', () => EXPORT_FORMATS['open-sdg'].render(series));
    const hidden = series.observations.filter((o) => o.obsStatus === 'Q').length;
    log(
      `open-data export: ${rows} observations, ${hidden} suppressed; CSV ${round(csv.length / 1e6)} MB, JSON ${round(json.length / 1e6)} MB, ` +
        `SDMX-CSV ${round(sdmx.length / 1e6)} MB, Open SDG ${round(openSdg.length / 1e6)} MB`,
    );
    log(table(['step', 'ms'], timings));
    log(`peak RSS ${round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    await app.destroy();
    await dropDatabase(config, database);
  }
}

runBench(main);
