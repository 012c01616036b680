/** Uploads above this get 413; the world file is about 4 MB. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
