/** Where the public read API lives; a constant of its own so the serving process need not load the API. */
export const API_PREFIX = "/api/v1";
