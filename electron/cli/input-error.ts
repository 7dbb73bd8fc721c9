/** A failure the user can fix (unreadable input, output path, permissions): one Chinese line, exit 2. */
export class InputError extends Error {}
