export * from './amount-bound';
export * from './fen';
export * from './format';
export * from './parse';
export * from './percent';
