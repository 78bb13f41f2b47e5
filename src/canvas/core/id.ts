/**
 * A Canvas id. Canvas renders ids as numbers, or as strings when the client asks for
 * `application/json+canvas-string-ids` (`createCanvasClient({ stringIds: true })`).
 * Result types take the id type as a parameter, so a string-id client's results have `string` ids.
 */
export type Id = number | string;
