// The one way a page is written: a tagged template that escapes every interpolated string, so a city,
// indicator, organisation or comment text can never become markup. Only Html values (other templates)
// pass through unescaped. Not named `html`: Prettier would reformat the templates as embedded HTML.
export class Html {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

export type Slot = Html | string | number | null | undefined | false | readonly Slot[];

// Characters HTML cannot carry even escaped (C0 controls but tab, newline, carriage return; noncharacters).
// eslint-disable-next-line no-control-regex
const NOT_HTML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Safe in text and in quoted attribute values alike.
export const escapeHtml = (text: string): string =>
  text.replace(NOT_HTML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

const render = (slot: Slot): string => {
  if (slot instanceof Html) return slot.value;
  if (Array.isArray(slot)) return slot.map(render).join('');
  if (slot === null || slot === undefined || slot === false) return '';
  return escapeHtml(String(slot));
};

export function markup(strings: TemplateStringsArray, ...slots: Slot[]): Html {
  return new Html(
    strings.reduce((out, part, i) => out + part + (i < slots.length ? render(slots[i]) : ''), ''),
  );
}

// Markup made elsewhere and trusted as such (the chart renderer escapes its own text).
export const trusted = (markup: string): Html => new Html(markup);
