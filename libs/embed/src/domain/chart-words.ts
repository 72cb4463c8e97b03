import type { ChartWords } from './chart-series';

export const ENGLISH_CHART_WORDS: ChartWords = {
  chartOf: (type, n, from, to) =>
    `${type === 'bar' ? 'Bar' : 'Line'} chart of ${n} period${n === 1 ? '' : 's'} from ${from} to ${to}.`,
  firstLast: (first, fp, last, lp) => `First value ${first} (${fp}), last value ${last} (${lp}).`,
  noValueShown: 'No value is shown.',
  unit: (unit) => `Unit: ${unit}.`,
  suppressed: (periods) => `Suppressed to protect small numbers, marked Q and left blank: ${periods}.`,
  notReported: (periods) => `Not reported: ${periods}.`,
  breaks: (list) => `Values before and after a dashed line do not compare: ${list}.`,
  breakBefore: (label, period) => `${label.toLowerCase()} before ${period}`,
  seriesBreak: 'Series break',
  definitionVersion: (v) => `Definition v${v}`,
  noValues: 'No published values in the chosen periods',
  suppressedLegend: 'Q: suppressed to protect small numbers',
  breakLegend: 'dashed line: values on either side do not compare',
};

const DUTCH: ChartWords = {
  chartOf: (type, n, from, to) =>
    `${type === 'bar' ? 'Staafdiagram' : 'Lijndiagram'} van ${n} periode${n === 1 ? '' : 's'} van ${from} tot ${to}.`,
  firstLast: (first, fp, last, lp) => `Eerste waarde ${first} (${fp}), laatste waarde ${last} (${lp}).`,
  noValueShown: 'Er wordt geen waarde getoond.',
  unit: (unit) => `Eenheid: ${unit}.`,
  suppressed: (periods) =>
    `Weggelaten om kleine aantallen te beschermen, gemarkeerd met Q en leeg gelaten: ${periods}.`,
  notReported: (periods) => `Niet gerapporteerd: ${periods}.`,
  breaks: (list) => `Waarden voor en na een stippellijn zijn niet vergelijkbaar: ${list}.`,
  breakBefore: (label, period) => `${label.toLowerCase()} voor ${period}`,
  seriesBreak: 'Breuk in de reeks',
  definitionVersion: (v) => `Definitie v${v}`,
  noValues: 'Geen gepubliceerde waarden in de gekozen periodes',
  suppressedLegend: 'Q: weggelaten om kleine aantallen te beschermen',
  breakLegend: 'stippellijn: waarden aan weerszijden zijn niet vergelijkbaar',
};

const ITALIAN: ChartWords = {
  chartOf: (type, n, from, to) =>
    `${type === 'bar' ? 'Grafico a barre' : 'Grafico a linee'} di ${n} period${n === 1 ? 'o' : 'i'} dal ${from} al ${to}.`,
  firstLast: (first, fp, last, lp) => `Primo valore ${first} (${fp}), ultimo valore ${last} (${lp}).`,
  noValueShown: 'Nessun valore è mostrato.',
  unit: (unit) => `Unità: ${unit}.`,
  suppressed: (periods) =>
    `Oscurati per proteggere i piccoli numeri, indicati con Q e lasciati vuoti: ${periods}.`,
  notReported: (periods) => `Non comunicati: ${periods}.`,
  breaks: (list) => `I valori prima e dopo una linea tratteggiata non sono confrontabili: ${list}.`,
  breakBefore: (label, period) => `${label.toLowerCase()} prima del ${period}`,
  seriesBreak: 'Interruzione della serie',
  definitionVersion: (v) => `Definizione v${v}`,
  noValues: 'Nessun valore pubblicato nei periodi scelti',
  suppressedLegend: 'Q: oscurato per proteggere i piccoli numeri',
  breakLegend: 'linea tratteggiata: i valori ai due lati non sono confrontabili',
};

const BY_LANGUAGE: Record<string, ChartWords> = { en: ENGLISH_CHART_WORDS, nl: DUTCH, it: ITALIAN };

// The words of a BCP 47 tag's language; English where the chart has no translation.
export const chartWords = (locale: string): ChartWords =>
  BY_LANGUAGE[locale.toLowerCase().split('-')[0]] ?? ENGLISH_CHART_WORDS;
