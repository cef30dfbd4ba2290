import type * as Libxml2 from 'libxml2-wasm';

/** What libxml2 said about one document; positions are those libxml2 reports (column 0 = unknown). */
export interface RawValidationResult {
  stage: 'valid' | 'parse' | 'validate' | 'internal';
  details: Array<{ message: string; level: number; line: number; col: number; xpath?: string }>;
  message?: string;
}

export interface ValidationCore {
  validate(text: string): RawValidationResult;
  dispose(): void;
}

/**
 * Compiles the eCH-0020 v3 schema and validates documents with libxml2-wasm.
 *
 * This function is deliberately self-contained (no imports, no outer variables): besides being called in-process
 * it is shipped as source text to a worker thread (xsd-validation-worker.ts), so that large deliveries are
 * validated on another core while the main thread parses. Everything it needs comes in as arguments.
 *
 * External resources (xs:import schemaLocation, xsi:schemaLocation hints) are served by one process- (or
 * worker-) wide provider that knows exactly the catalog's files and refuses everything else: no URL, path or
 * network address named in a document or schema is ever read. Instance documents are parsed without network,
 * external entities or DTD loading and without entity substitution; DTDs are refused earlier anyway.
 */
export function createValidationCore(
  lib: typeof Libxml2,
  catalog: Array<[url: string, path: string]>,
  mainSchemaUrl: string,
  readFile: (path: string) => Uint8Array,
): ValidationCore {
  const key = Symbol.for('start-integration.registry-intake.xsd-provider');
  const scope = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  let files = scope[key];
  if (!files) {
    files = new Map<string, string>();
    scope[key] = files;
    const known = files;
    const open = new Map<number, { data: Uint8Array; pos: number }>();
    let nextFd = 1;
    lib.xmlRegisterInputProvider({
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
  }
  for (const [url, path] of catalog) files.set(url, path);

  const mainPath = files.get(mainSchemaUrl);
  if (!mainPath) throw new Error(`the XSD catalog has no entry for ${mainSchemaUrl}`);
  const P = lib.ParseOption;
  const schemaDoc = lib.XmlDocument.fromBuffer(readFile(mainPath), { url: mainSchemaUrl, option: P.XML_PARSE_NONET });
  let validator: Libxml2.XsdValidator;
  try {
    validator = lib.XsdValidator.fromDoc(schemaDoc);
  } finally {
    schemaDoc.dispose();
  }
  const instanceOptions = P.XML_PARSE_NONET | P.XML_PARSE_NO_XXE | P.XML_PARSE_BIG_LINES | P.XML_PARSE_NO_SYS_CATALOG;

  const detailsOf = (error: unknown): RawValidationResult['details'] => {
    const details = (error as { details?: RawValidationResult['details'] }).details;
    return Array.isArray(details) ? details.map((d) => ({ message: d.message, level: d.level, line: d.line, col: d.col, xpath: d.xpath })) : [];
  };

  return {
    validate(text: string): RawValidationResult {
      let doc: Libxml2.XmlDocument;
      try {
        doc = lib.XmlDocument.fromString(text, { option: instanceOptions, url: 'delivery.xml' });
      } catch (error) {
        return { stage: 'parse', details: detailsOf(error), message: (error as Error).message };
      }
      try {
        validator.validate(doc);
        return { stage: 'valid', details: [] };
      } catch (error) {
        const details = detailsOf(error);
        return { stage: details.length > 0 ? 'validate' : 'internal', details, message: (error as Error).message };
      } finally {
        doc.dispose();
      }
    },
    dispose(): void {
      validator.dispose();
    },
  };
}
