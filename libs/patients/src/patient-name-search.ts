/**
 * Finding patients by the words of their name, as a person types them: "ann", "smith ann",
 * "mary ann smi". Names are compared by `fold_name` (a database function: lower case, accents
 * off), so "zoe" finds Zoë and "JOSE" José.
 *
 * A patient matches when every word begins a word of their name (first and last names split
 * at spaces and hyphens), and at least one word begins the first name or the last name itself:
 * that word is what the name indexes find (fold_name(first_name) and fold_name(last_name),
 * text_pattern_ops), so a search never reads every patient. "mary ann" finds Mary Ann Smith
 * ("mary" begins the first name); "berg" alone does not find Jan van der Berg.
 */

/** Words a name search may hold: each is looked up in both name indexes. */
export const MAX_NAME_WORDS = 5;

/** The words of a name search, split where names split. */
export const nameWords = (text: string): string[] => text.split(/[\s-]+/u).filter((word) => word.length > 0);

/**
 * A placeholder's text folded like names are, as a LIKE pattern that matches it literally.
 * The escaping comes after the folding: unaccent turns a few symbols (fullwidth ％ and ＿, ＼)
 * into LIKE's own.
 */
const literal = (placeholder: string) => `replace(replace(replace(fold_name(${placeholder}), '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;

/** The condition on patients (alias `p`) whose name matches `words` (at least one). */
export function patientNameCondition(words: readonly string[], param: (value: unknown) => string): string {
  const folded = words.map((word) => literal(param(word)));
  const begins = folded.map((word) => `fold_name(p.first_name) LIKE ${word} || '%' OR fold_name(p.last_name) LIKE ${word} || '%'`);
  const nameWordsOf = `' ' || translate(fold_name(p.first_name || ' ' || p.last_name), '-', ' ')`;
  const each = folded.map((word) => `(${nameWordsOf}) LIKE '% ' || ${word} || '%'`);
  return `((${begins.join(' OR ')}) AND ${each.join(' AND ')})`;
}
