import type { XmlDocument } from 'libxml2-wasm';
// libxml2-wasm's struct accessors (an internal module of the package, pinned by the lock file): reading the tree
// through them costs ~30 µs per person of a base delivery, through the public node wrappers ~75 µs, which is more
// than parsing and validating the person together.
import { XmlAttrStruct, XmlNodeStruct, XmlNsStruct, XmlNodeType, xmlDocGetRootElement, xmlNodeGetContent } from 'libxml2-wasm/lib/libxml2.mjs';
import { NS } from './ech-namespaces.js';
import { readBaseDeliveryCitizen, readBaseDeliveryRecord } from './ech-record-reader.js';
import type { EchRecord } from './ech-record.types.js';
import { isUnusedPart } from './ech-unused-parts.js';
import type { XNode } from './xml-subtree.js';

/**
 * The persons of one validated base-delivery piece, read from the tree libxml2 has just built for validating it:
 * each piece is parsed once, not once for validation and once more for reading. `firstIndex` is the position of
 * the piece's first `messages` in the whole delivery; lines are those of the piece's document.
 */
export function readWindowRecords(doc: XmlDocument, firstIndex: number): EchRecord[] {
  const namespaces = new Map<number, string>();
  const root = xmlDocGetRootElement((doc as unknown as { _ptr: number })._ptr);
  const event = lastElementChild(root);
  if (!event || XmlNodeStruct.name_(event) !== 'baseDelivery') return [];
  const records: EchRecord[] = [];
  for (let m = XmlNodeStruct.children(event); m; m = XmlNodeStruct.next(m)) {
    if (XmlNodeStruct.type(m) !== XmlNodeType.XML_ELEMENT_NODE) continue;
    const index = firstIndex + records.length;
    const person = firstElementChild(m);
    if (person && !hasChild(person, 'residencePermitData', namespaces)) {
      const citizen = readBaseDeliveryCitizen(subtree(m, namespaces, person), index);
      if (citizen.kind === 'baseDeliveryCitizen' && citizen.residence.type === 'main') {
        records.push(citizen);
        continue;
      }
    }
    records.push(readBaseDeliveryRecord(subtree(m, namespaces), index));
  }
  return records;
}

function firstElementChild(node: number): number {
  for (let c = XmlNodeStruct.children(node); c; c = XmlNodeStruct.next(c)) if (XmlNodeStruct.type(c) === XmlNodeType.XML_ELEMENT_NODE) return c;
  return 0;
}

function hasChild(node: number, local: string, namespaces: Map<number, string>): boolean {
  for (let c = XmlNodeStruct.children(node); c; c = XmlNodeStruct.next(c)) {
    if (XmlNodeStruct.type(c) === XmlNodeType.XML_ELEMENT_NODE && XmlNodeStruct.name_(c) === local && namespaceOf(c, namespaces) === NS.e20) return true;
  }
  return false;
}

function lastElementChild(node: number): number {
  let found = 0;
  for (let c = XmlNodeStruct.children(node); c; c = XmlNodeStruct.next(c)) if (XmlNodeStruct.type(c) === XmlNodeType.XML_ELEMENT_NODE) found = c;
  return found;
}

/** Namespace URIs by their xmlNs pointer: a document declares a handful, its elements name them thousands of times. */
function namespaceOf(node: number, namespaces: Map<number, string>): string {
  const ns = XmlNodeStruct.namespace(node);
  if (!ns) return '';
  let uri = namespaces.get(ns);
  if (uri === undefined) {
    uri = XmlNsStruct.href(ns);
    namespaces.set(ns, uri);
  }
  return uri;
}

/**
 * The element as an XNode, as SubtreeBuilder builds it from saxes, without the parts start.integration does not use
 * (and without the child `except`).
 */
function subtree(element: number, namespaces: Map<number, string>, except = 0): XNode {
  const node: XNode = {
    ns: namespaceOf(element, namespaces), local: XmlNodeStruct.name_(element), text: '', children: [],
    nil: XmlNodeStruct.properties(element) !== 0 && isNil(element, namespaces), line: XmlNodeStruct.line(element) & 0xffff,
  };
  for (let c = XmlNodeStruct.children(element); c; c = XmlNodeStruct.next(c)) {
    const type = XmlNodeStruct.type(c);
    if (type === XmlNodeType.XML_ELEMENT_NODE) {
      if (c !== except && !isUnusedPart(namespaceOf(c, namespaces), XmlNodeStruct.name_(c))) node.children.push(subtree(c, namespaces));
    } else if (type === XmlNodeType.XML_TEXT_NODE || type === XmlNodeType.XML_CDATA_SECTION_NODE) {
      node.text += xmlNodeGetContent(c);
    }
  }
  return node;
}

function isNil(element: number, namespaces: Map<number, string>): boolean {
  for (let a = XmlNodeStruct.properties(element); a; a = XmlAttrStruct.next(a)) {
    if (XmlAttrStruct.name_(a) === 'nil' && namespaceOf(a, namespaces) === NS.xsi) {
      const value = xmlNodeGetContent(a).trim();
      return value === 'true' || value === '1';
    }
  }
  return false;
}
