/** Names that a plain `{}` lookup would find on Object.prototype (or a function), used as keys from data. */
export const PROTO_NAMES = [
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
  'length',
  'name',
  'then',
  'toJSON',
  'caller',
  'arguments',
];
