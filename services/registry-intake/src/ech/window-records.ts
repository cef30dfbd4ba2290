import type { XmlDocument } from 'libxml2-wasm';
// libxml2-wasm's struct accessors (an internal module of the package, pinned by the lock file): reading the tree
// through them costs ~30 µs per person of a base delivery, through the public node wrappers ~75 µs, which is more
// than parsing and validating the person together.
import {
  XmlAttrStruct,
  XmlNodeStruct,
  XmlNsStruct,
  XmlNodeType,
  xmlDocGetRootElement,
  xmlNodeGetContent,
} from 'libxml2-wasm/lib/libxml2.mjs';
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
    const main = childNamed(m, 'hasMainResidence', namespaces);
    if (person && main && !childNamed(person, 'residencePermitData', namespaces))
      records.push(readBaseDeliveryCitizen(citizenEntry(m, main, namespaces), index));
    else records.push(readBaseDeliveryRecord(subtree(m, namespaces), index));
  }
  return records;
}

/** Of a citizen's `messages`, what readBaseDeliveryCitizen reads: where the main residence is reported. */
function citizenEntry(messages: number, main: number, namespaces: Map<number, string>): XNode {
  const residence = element(main, namespaces);
  for (const local of ['reportingMunicipality', 'federalRegister']) {
    const found = childNamed(main, local, namespaces);
    if (found) residence.children.push(subtree(found, namespaces));
  }
  return { ...element(messages, namespaces), children: [residence] };
}

function firstElementChild(node: number): number {
  for (let c = XmlNodeStruct.children(node); c; c = XmlNodeStruct.next(c))
    if (XmlNodeStruct.type(c) === XmlNodeType.XML_ELEMENT_NODE) return c;
  return 0;
}

/** The first eCH-0020 child element named `local`, or 0. */
function childNamed(node: number, local: string, namespaces: Map<number, string>): number {
  for (let c = XmlNodeStruct.children(node); c; c = XmlNodeStruct.next(c)) {
    if (
      XmlNodeStruct.type(c) === XmlNodeType.XML_ELEMENT_NODE &&
      XmlNodeStruct.name_(c) === local &&
      namespaceOf(c, namespaces) === NS.e20
    )
      return c;
  }
  return 0;
}

/**
 * The element alone, without children or text. Every read of libxml2's memory counts here (a person has some 70
 * elements), so only a `messages` element gets its line (the record's; the log needs no other) and only eCH-0011
 * `residencePermit`, the one nillable element read, is looked at for xsi:nil.
 */
function element(node: number, namespaces: Map<number, string>): XNode {
  const local = XmlNodeStruct.name_(node);
  return {
    ns: namespaceOf(node, namespaces),
    local,
    text: '',
    children: [],
    nil: local === 'residencePermit' && XmlNodeStruct.properties(node) !== 0 && isNil(node, namespaces),
    // libxml2 keeps an element's line in 16 bits; a piece (≥ 128 KB of whole persons) has far fewer lines.
    line: local === 'messages' ? XmlNodeStruct.line(node) & 0xffff : 0,
  };
}

function lastElementChild(node: number): number {
  let found = 0;
  for (let c = XmlNodeStruct.children(node); c; c = XmlNodeStruct.next(c))
    if (XmlNodeStruct.type(c) === XmlNodeType.XML_ELEMENT_NODE) found = c;
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

/** The element as an XNode, as SubtreeBuilder builds it from saxes, without the parts start.integration does not use. */
function subtree(node: number, namespaces: Map<number, string>): XNode {
  const built = element(node, namespaces);
  for (let c = XmlNodeStruct.children(node); c; c = XmlNodeStruct.next(c)) {
    const type = XmlNodeStruct.type(c);
    if (type === XmlNodeType.XML_ELEMENT_NODE) {
      if (!isUnusedPart(namespaceOf(c, namespaces), XmlNodeStruct.name_(c)))
        built.children.push(subtree(c, namespaces));
    } else if (type === XmlNodeType.XML_TEXT_NODE || type === XmlNodeType.XML_CDATA_SECTION_NODE) {
      built.text += xmlNodeGetContent(c);
    }
  }
  return built;
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
