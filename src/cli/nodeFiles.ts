// Moved to src/node/; kept while work in progress still imports it from here.
export * from '../node/nodeFiles';
