/** The file as a whole cannot be read (no row-level problem): the run stops with this message. */
export class TableError extends Error {}
