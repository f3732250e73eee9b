/**
 * LIKE patterns from user text on both dialects: `!` escapes `!`, `%` and `_`, and the query
 * says `ESCAPE '!'` (a backslash means different things to MySQL and SQLite).
 */
export const escapeLike = (text: string): string => text.replace(/[!%_]/g, (c) => `!${c}`);

/** A case-insensitive "contains" pattern, for `LOWER(column) LIKE ? ESCAPE '!'`. */
export const containsPattern = (text: string): string => `%${escapeLike(text.toLowerCase())}%`;
