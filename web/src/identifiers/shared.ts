/**
 * The server's own identifier code (src/domain/identifiers), bundled for the browser: the check
 * page and the report wizard recognise what a person pastes exactly as the server will. Import
 * it only from lazily loaded pages: with the phone metadata it is the largest module of the app.
 */
export { canonicalize, extract, type Canonical, type Extracted, type IdentifierKind } from '../../../src/domain/identifiers/index.ts';
export { decodeVietQr } from '../../../src/domain/identifiers/vietqr.ts';
