// RFC 4180 fields for the CSV files the API serves.
export const csvText = (text: string): string => {
  // Text a city typed (names, units) must not run as a spreadsheet formula on another city's desk.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
export const csvNumber = (n: number | null) => (n === null ? '' : String(n));
