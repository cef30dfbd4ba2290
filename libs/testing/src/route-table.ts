// The route table lives in @si/http, beside the OpenAPI document that reads the same declarations.
export { routeDeclarations as routeTable, type RouteDeclaration as Route } from '@si/http';
