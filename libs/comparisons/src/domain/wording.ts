// How caveat messages list cities and periods.

const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);

// 'A', 'A and B', 'A, B and C'; long lists end in "and N other cities" (or "and N more" for periods).
const listOf = (items: string[], more: string): string => {
  const shown = items.length > 4 ? [...items.slice(0, 3), `${items.length - 3} ${more}`] : items;
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
};

export const listNames = (names: string[]) => listOf(names, 'other cities');
export const listPeriods = (periods: string[]) => listOf(periods, 'more');
export const possessives = (names: string[]) =>
  names.length > 4 ? `those of ${listNames(names)}` : listNames(names.map(possessive));
