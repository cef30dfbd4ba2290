import * as libxml2 from 'libxml2-wasm';
import type { EchRecord } from './ech-record.types.js';
import type { IntakeIssue } from './intake-refusal.js';
import type { PieceResult } from './validation-windows.js';
import { readWindowRecords } from './window-records.js';
import { toIssues, type RawValidationResult } from './xsd-issues.js';

export interface ValidationCore {
  /** Issues of one complete document (a string, or UTF-8 bytes), with its lines and columns; none when valid. */
  validate(doc: string | Uint8Array): IntakeIssue[];
  /** Validates a base-delivery piece (UTF-8 bytes) and, when it is valid, reads its persons from the same parse. */
  readWindow(doc: Uint8Array, firstIndex: number): PieceResult;
  dispose(): void;
}

const P = libxml2.ParseOption;
const INSTANCE_OPTIONS = P.XML_PARSE_NONET | P.XML_PARSE_NO_XXE | P.XML_PARSE_BIG_LINES | P.XML_PARSE_NO_SYS_CATALOG;

let providedFiles: Map<string, string> | undefined;

/**
 * One input provider per process (or worker thread) that serves exactly the catalog's files and refuses
 * everything else: no URL, path or network address named in a document or schema is ever read.
 */
function provideCatalog(
  catalog: Array<[url: string, path: string]>,
  readFile: (path: string) => Uint8Array,
): Map<string, string> {
  if (!providedFiles) {
    const known = new Map<string, string>();
    const open = new Map<number, { data: Uint8Array; pos: number }>();
    let nextFd = 1;
    libxml2.xmlRegisterInputProvider({
      match: () => true,
      open: (name: string) => {
        const path = known.get(name);
        if (!path) return undefined;
        const fd = nextFd++;
        open.set(fd, { data: readFile(path), pos: 0 });
        return fd;
      },
      read: (fd: number, buf: Uint8Array) => {
        const file = open.get(fd);
        if (!file) return -1;
        const n = Math.min(buf.byteLength, file.data.byteLength - file.pos);
        buf.set(file.data.subarray(file.pos, file.pos + n));
        file.pos += n;
        return n;
      },
      close: (fd: number) => open.delete(fd),
    });
    providedFiles = known;
  }
  for (const [url, path] of catalog) providedFiles.set(url, path);
  return providedFiles;
}

function detailsOf(error: unknown): RawValidationResult['details'] {
  const details = (error as { details?: RawValidationResult['details'] }).details;
  return Array.isArray(details)
    ? details.map((d) => ({ message: d.message, level: d.level, line: d.line, col: d.col, xpath: d.xpath }))
    : [];
}

/**
 * Compiles the eCH-0020 v3 schema and validates documents with libxml2-wasm, in the calling thread: the service
 * runs one in its main thread (single-event deliveries) and one in each validation worker (xsd-validation-worker.ts).
 * Instance documents are parsed without network, external entities or DTD loading and without entity
 * substitution; DTDs are refused earlier anyway. Documents go in as UTF-8 bytes, which libxml2-wasm copies natively;
 * handing it a string costs a third more, spent encoding it character by character.
 */
export function createValidationCore(
  catalog: Array<[url: string, path: string]>,
  mainSchemaUrl: string,
  readFile: (path: string) => Uint8Array,
): ValidationCore {
  const files = provideCatalog(catalog, readFile);
  const mainPath = files.get(mainSchemaUrl);
  if (!mainPath) throw new Error(`the XSD catalog has no entry for ${mainSchemaUrl}`);
  const schemaDoc = libxml2.XmlDocument.fromBuffer(readFile(mainPath), {
    url: mainSchemaUrl,
    option: P.XML_PARSE_NONET,
  });
  let validator: libxml2.XsdValidator;
  try {
    validator = libxml2.XsdValidator.fromDoc(schemaDoc);
  } finally {
    schemaDoc.dispose();
  }

  /** Parses and validates; `use` sees the document only when it is valid. */
  function withValidDocument(bytes: Uint8Array, use: (doc: libxml2.XmlDocument) => void): RawValidationResult {
    let doc: libxml2.XmlDocument;
    try {
      doc = libxml2.XmlDocument.fromBuffer(bytes, { option: INSTANCE_OPTIONS, url: 'delivery.xml' });
    } catch (error) {
      return { stage: 'parse', details: detailsOf(error), message: (error as Error).message };
    }
    try {
      validator.validate(doc);
    } catch (error) {
      const details = detailsOf(error);
      doc.dispose();
      return { stage: details.length > 0 ? 'validate' : 'internal', details, message: (error as Error).message };
    }
    try {
      use(doc);
      return { stage: 'valid', details: [] };
    } catch (error) {
      return { stage: 'internal', details: [], message: `reading a valid piece failed: ${(error as Error).message}` };
    } finally {
      doc.dispose();
    }
  }

  return {
    validate(doc) {
      const bytes = typeof doc === 'string' ? Buffer.from(doc, 'utf8') : doc;
      return toIssues(
        doc,
        withValidDocument(bytes, () => undefined),
      );
    },
    readWindow(doc, firstIndex) {
      let records: EchRecord[] = [];
      const validation = withValidDocument(doc, (parsed) => {
        records = readWindowRecords(parsed, firstIndex);
      });
      return { issues: toIssues(doc, validation), records };
    },
    dispose: () => validator.dispose(),
  };
}
