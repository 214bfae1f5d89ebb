// The range checks alone, for the verify worker threads: loading the whole application entry
// (request validation, the write path) in every worker would only slow their start.
export * from './verify-ranges';
