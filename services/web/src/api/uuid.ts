/**
 * The form of the ids the services hand out. A path id of another form is "nicht gefunden" right away: it is never
 * sent on to a service (no path tricks), and it looks like an id that does not exist.
 */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
