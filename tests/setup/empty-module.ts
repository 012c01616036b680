// Stands in for "server-only" under vitest, where modules are not marked react-server.
export {};
