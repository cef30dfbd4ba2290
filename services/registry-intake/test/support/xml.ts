import {
  baseDeliveryChunks,
  type BaseDeliveryOptions,
  type BaseDeliveryStats,
} from '../../src/ech/generator/delivery-generator.js';

/** A whole base delivery as one string (small ones only, for tests). */
export function baseDelivery(
  persons: number,
  options: BaseDeliveryOptions = {},
): { xml: string; stats: BaseDeliveryStats } {
  const stats: Partial<BaseDeliveryStats> = {};
  const xml = [...baseDeliveryChunks(persons, options, stats)].join('');
  return { xml, stats: stats as BaseDeliveryStats };
}

/** Breaks a valid delivery against the XSD: the first officialName becomes an element eCH-0044 does not know. */
export function breakSchema(xml: string): string {
  const broken = xml.replace(
    /<([\w-]+:)?officialName>([^<]*)<\/([\w-]+:)?officialName>/,
    '<$1officialNameX>$2</$3officialNameX>',
  );
  if (broken === xml) throw new Error('no officialName to break');
  return broken;
}

/** 1-based line of the first occurrence of `needle`. */
export function lineOf(xml: string, needle: string): number {
  const index = xml.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not found`);
  return xml.slice(0, index).split('\n').length;
}
