/** A problem that stops the run with a message and exit 1 (unreadable file, invalid mapping, too large). */
export class InputError extends Error {}
