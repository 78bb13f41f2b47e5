// JSON text columns: NULL stays null (meaning "absent"), anything else round-trips through JSON.
export function toJsonColumn(value) {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function fromJsonColumn(text) {
  return text === null || text === undefined ? null : JSON.parse(text);
}
