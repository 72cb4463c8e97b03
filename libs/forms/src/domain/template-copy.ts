import { ValueKind } from './value-rule';

// The words of templates and mobile forms in the languages the cities work in.
export type Language = 'en' | 'nl' | 'it';
export const LANGUAGES: readonly Language[] = ['en', 'nl', 'it'];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands', it: 'Italiano' };

export interface TemplateCopy {
  total: string;
  indicator: string;
  definition: string;
  unit: string;
  period: string;
  deadline: string;
  cell: string;
  value: string;
  lastValidated: string;
  instructions: string;
  promptTitle: string;
  prompt: Record<ValueKind, string>;
  error: Record<ValueKind, string>;
}

const EN: TemplateCopy = {
  total: 'Total',
  indicator: 'Indicator',
  definition: 'Definition',
  unit: 'Unit',
  period: 'Period',
  deadline: 'Deadline',
  cell: 'Cell',
  value: 'Value',
  lastValidated: 'Last validated value',
  instructions:
    'Fill in the Value column only (leave a cell empty if you have no figure), then upload this file unchanged.',
  promptTitle: 'Value',
  prompt: {
    yes_no: 'Choose 1 (yes) or 0 (no).',
    percent: 'A percentage between 0 and 100, e.g. 12.5 or 12,5.',
    count: 'A whole number, 0 or more.',
    number: 'A number, e.g. 12.5 or 12,5 (no thousands separators).',
  },
  error: {
    yes_no: 'Only 0 or 1.',
    percent: 'Between 0 and 100.',
    count: 'A whole number, 0 or more.',
    number: 'A number.',
  },
};

const NL: TemplateCopy = {
  total: 'Totaal',
  indicator: 'Indicator',
  definition: 'Definitie',
  unit: 'Eenheid',
  period: 'Periode',
  deadline: 'Deadline',
  cell: 'Cel',
  value: 'Waarde',
  lastValidated: 'Laatst gevalideerde waarde',
  instructions:
    'Vul alleen de kolom Waarde in (laat een cel leeg als u geen cijfer hebt) en laad dit bestand ongewijzigd op.',
  promptTitle: 'Waarde',
  prompt: {
    yes_no: 'Kies 1 (ja) of 0 (nee).',
    percent: 'Een percentage tussen 0 en 100, bv. 12,5 of 12.5.',
    count: 'Een geheel getal, 0 of meer.',
    number: 'Een getal, bv. 12,5 of 12.5 (zonder scheidingstekens voor duizendtallen).',
  },
  error: {
    yes_no: 'Alleen 0 of 1.',
    percent: 'Tussen 0 en 100.',
    count: 'Een geheel getal, 0 of meer.',
    number: 'Een getal.',
  },
};

const IT: TemplateCopy = {
  total: 'Totale',
  indicator: 'Indicatore',
  definition: 'Definizione',
  unit: 'Unità',
  period: 'Periodo',
  deadline: 'Scadenza',
  cell: 'Cella',
  value: 'Valore',
  lastValidated: 'Ultimo valore convalidato',
  instructions:
    'Compilate solo la colonna Valore (lasciate vuota una cella senza dato), poi caricate questo file senza modificarlo.',
  promptTitle: 'Valore',
  prompt: {
    yes_no: 'Scegliete 1 (sì) o 0 (no).',
    percent: 'Una percentuale tra 0 e 100, es. 12,5 o 12.5.',
    count: 'Un numero intero, 0 o più.',
    number: 'Un numero, es. 12,5 o 12.5 (senza separatori delle migliaia).',
  },
  error: {
    yes_no: 'Solo 0 o 1.',
    percent: 'Tra 0 e 100.',
    count: 'Un numero intero, 0 o più.',
    number: 'Un numero.',
  },
};

export const TEMPLATE_COPY: Record<Language, TemplateCopy> = { en: EN, nl: NL, it: IT };

// 'nl-BE', 'it_IT', 'NL' name their language first; anything else gets English.
export function languageOf(locale: string | null | undefined): Language {
  const primary = (locale ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return primary === 'nl' || primary === 'it' ? primary : 'en';
}

// A localised text in the language, else English, else any.
export const localText = (text: Record<string, string> | undefined, language: Language): string =>
  text?.[language] ?? text?.en ?? Object.values(text ?? {})[0] ?? '';
