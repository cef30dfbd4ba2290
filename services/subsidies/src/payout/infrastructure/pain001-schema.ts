import { readFileSync } from 'node:fs';
import * as libxml2 from 'libxml2-wasm';

/** services/subsidies/xsd, the same from src/ and dist/. */
export const PAIN001_XSD = new URL('../../../xsd/pain.001.001.09.ch.03-subset.xsd', import.meta.url);

export interface SchemaIssue {
  line: number;
  message: string;
}

const P = libxml2.ParseOption;

/**
 * Validates payment files against the pain.001 schema with libxml2-wasm before they are handed out. Compiled
 * once; documents are parsed without network or external entities. See the schema's header for what it is.
 */
export class Pain001Schema {
  private readonly validator: libxml2.XsdValidator;

  constructor(xsd: Uint8Array = readFileSync(PAIN001_XSD)) {
    const schemaDoc = libxml2.XmlDocument.fromBuffer(xsd, {
      url: 'pain.001.001.09.ch.03.xsd',
      option: P.XML_PARSE_NONET,
    });
    try {
      this.validator = libxml2.XsdValidator.fromDoc(schemaDoc);
    } finally {
      schemaDoc.dispose();
    }
  }

  /** The schema's complaints about `xml`; none when it is valid. */
  issues(xml: string): SchemaIssue[] {
    let doc: libxml2.XmlDocument;
    try {
      doc = libxml2.XmlDocument.fromBuffer(Buffer.from(xml, 'utf8'), {
        option: P.XML_PARSE_NONET | P.XML_PARSE_NO_XXE,
        url: 'pain001.xml',
      });
    } catch (error) {
      return [{ line: 0, message: (error as Error).message }];
    }
    try {
      this.validator.validate(doc);
      return [];
    } catch (error) {
      const details = (error as { details?: { message: string; line: number }[] }).details;
      return Array.isArray(details) && details.length
        ? details.map((d) => ({ line: d.line, message: d.message.trim() }))
        : [{ line: 0, message: (error as Error).message }];
    } finally {
      doc.dispose();
    }
  }

  dispose(): void {
    this.validator.dispose();
  }
}
