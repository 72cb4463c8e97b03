// Six significant digits: enough for any published figure, and differences such as 0.3 − 0.1 come out
// as 0.2, not 0.19999999999999998.
export const round6 = (n: number): number => {
  if (!Number.isFinite(n)) return n;
  const rounded = Number(n.toPrecision(6));
  return rounded === 0 ? 0 : rounded; // no -0 in outputs
};

export const formatNumber = (n: number): string => {
  const text = String(round6(n));
  return /^-?\d+$/.test(text) ? text.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : text;
};
