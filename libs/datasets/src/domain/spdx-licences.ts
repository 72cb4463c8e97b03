// The licences a catalogued dataset may name: a selection of the SPDX License List identifiers that
// data (rather than software) is published under, plus the common software and documentation ones
// a collection tool may carry. Source: SPDX License List 3.x, https://spdx.org/licenses/ (data:
// https://github.com/spdx/license-list-data), published under CC0-1.0; extend the list from there.
export const SPDX_LICENCE_IDS = [
  'CC0-1.0',
  'CC-PDDC',
  'CC-BY-2.0',
  'CC-BY-2.5',
  'CC-BY-3.0',
  'CC-BY-3.0-AT',
  'CC-BY-3.0-DE',
  'CC-BY-3.0-IGO',
  'CC-BY-3.0-NL',
  'CC-BY-4.0',
  'CC-BY-SA-3.0',
  'CC-BY-SA-4.0',
  'CC-BY-ND-4.0',
  'CC-BY-NC-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-NC-ND-4.0',
  'CDLA-Permissive-1.0',
  'CDLA-Permissive-2.0',
  'CDLA-Sharing-1.0',
  'DL-DE-BY-2.0',
  'DL-DE-ZERO-2.0',
  'etalab-2.0',
  'NLOD-1.0',
  'NLOD-2.0',
  'ODbL-1.0',
  'ODC-By-1.0',
  'PDDL-1.0',
  'O-UDA-1.0',
  'OGL-UK-3.0',
  'OGL-Canada-2.0',
  'OGDL-Taiwan-1.0',
  'EUPL-1.2',
  'Apache-2.0',
  'MIT',
  'BSD-3-Clause',
  'GPL-3.0-or-later',
  'AGPL-3.0-or-later',
  'LGPL-3.0-or-later',
  'MPL-2.0',
  'GFDL-1.3-or-later',
  'Unlicense',
] as const;

const BY_KEY = new Map<string, string>(SPDX_LICENCE_IDS.map((id) => [id.toLowerCase(), id]));

// SPDX identifiers match whatever their case (SPDX spec, annex on license expressions): the listed
// spelling, or undefined for an id that is not on the list.
export const canonicalLicence = (id: string): string | undefined => BY_KEY.get(id.trim().toLowerCase());
