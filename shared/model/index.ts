export * from './load';
export * from './new-document';
export * from './schema';
export * from './document-bounds';
export * from './load-validated';
