// The XLSForm rules (https://xlsform.org/en/ref-table/, pyxform's checks) a generated form must keep, as
// a list of problems: empty when the form is valid. Used by the tests on the domain model and on the
// workbook the API serves (read back with a second reader).

export interface XlsFormSheets {
  survey: { columns: string[]; rows: Record<string, unknown>[] };
  choices?: { columns: string[]; rows: Record<string, unknown>[] };
  settings?: { columns: string[]; rows: Record<string, unknown>[] };
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const TYPES = new Set([
  'integer',
  'decimal',
  'text',
  'note',
  'calculate',
  'hidden',
  'date',
  'begin group',
  'end group',
  'start',
  'end',
]);
const NEEDS_NO_LABEL = new Set(['calculate', 'hidden', 'start', 'end', 'end group']);
const LANGUAGE_COLUMN = /^(label|hint|constraint_message)::(.+ \([a-z]{2,3}\))$/;

const str = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';

export function xlsFormProblems(form: XlsFormSheets): string[] {
  const problems: string[] = [];
  const { survey, choices, settings } = form;
  for (const column of ['type', 'name']) {
    if (!survey.columns.includes(column)) problems.push(`survey: column ${column} is missing`);
  }
  const labels = survey.columns.filter((c) => c === 'label' || c.startsWith('label::'));
  if (labels.length === 0) problems.push('survey: no label column');
  const languages = new Set(survey.columns.flatMap((c) => LANGUAGE_COLUMN.exec(c)?.[2] ?? []));
  const lists = new Set((choices?.rows ?? []).map((r) => str(r.list_name)));
  if (choices && choices.rows.length > 0) {
    for (const column of ['list_name', 'name']) {
      if (!choices.columns.includes(column)) problems.push(`choices: column ${column} is missing`);
    }
  }
  const names = new Set<string>();
  survey.rows.forEach((row, i) => {
    const at = `survey row ${i + 2}`;
    const type = str(row.type).trim();
    const name = str(row.name).trim();
    const select = /^select_(one|multiple) (\S+)$/.exec(type);
    if (select) {
      if (!lists.has(select[2])) problems.push(`${at}: choice list ${select[2]} is missing`);
    } else if (!TYPES.has(type)) problems.push(`${at}: type "${type}" is not a known type`);
    if (type !== 'end group') {
      if (!XML_NAME.test(name)) problems.push(`${at}: name "${name}" is not an XML name`);
      else if (names.has(name)) problems.push(`${at}: name "${name}" is repeated`);
      names.add(name);
    }
    if (!NEEDS_NO_LABEL.has(type) && labels.every((label) => str(row[label]).trim() === '')) {
      problems.push(`${at}: a ${type} needs a label`);
    }
    if (type === 'calculate' && str(row.calculation).trim() === '') {
      problems.push(`${at}: a calculate needs a calculation`);
    }
    if (str(row.required) !== '' && !/^(yes|no|true|false|true\(\)|false\(\))$/.test(str(row.required))) {
      problems.push(`${at}: required "${str(row.required)}" is not yes/no`);
    }
  });
  const [setting] = settings?.rows ?? [];
  if (setting) {
    if (setting.form_id !== undefined && !XML_NAME.test(str(setting.form_id))) {
      problems.push(`settings: form_id "${str(setting.form_id)}" is not an XML name`);
    }
    const language = str(setting.default_language);
    if (language !== '' && languages.size > 0 && !languages.has(language)) {
      problems.push(`settings: default_language "${language}" has no label columns`);
    }
  }
  return problems;
}
