/**
 * invite-elements/http: `createHttpTransport`, the transport that speaks the invite server's HTTP
 * contract (`server/openapi.yaml`). Its own entry: a page that does not import it does not load it.
 */
export { createHttpTransport, type HttpTransport, type HttpTransportOptions } from './transport/http-transport.js';
