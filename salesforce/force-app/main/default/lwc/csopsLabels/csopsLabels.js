/**
 * Fills a custom label's numbered placeholders ({0}, {1}, …) in order, so translators can move
 * them. A placeholder without a value stays as written, which a test then shows.
 */
export function formatLabel(label, ...values) {
  return String(label).replace(/\{(\d+)\}/g, (whole, i) => {
    const value = values[i];
    return value === undefined || value === null ? whole : String(value);
  });
}
