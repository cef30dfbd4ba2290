/**
 * Bounds on what one delivery may cost. They are enforced while streaming, before anything is kept, so that a
 * hostile or broken file is refused early and memory stays flat whatever arrives.
 */
export interface IntakeLimits {
  /** Whole delivery, in bytes as received. A base delivery of 300,000 persons is about 800 MB. */
  maxBytes: number;
  /**
   * Deliveries other than baseDelivery/keyExchange are validated as one document and held in memory while
   * that happens, so they have their own, small bound (characters). It also bounds one entry of a base delivery
   * (the bytes between two possible cuts).
   */
  maxSingleDocumentChars: number;
  /** The part before the first person of a base delivery (declaration, root, header), characters. */
  maxHeaderChars: number;
  /** Element nesting; eCH-0020 needs about 12. */
  maxDepth: number;
  /** Characters (bytes in a base delivery's persons) between two `<`: one text, comment or attribute can not be larger. */
  maxTextRun: number;
  /** Size of one validation piece of a base delivery (bytes); cut only between two `messages`. */
  windowBytes: number;
  /** Validation issues reported before reading stops. */
  maxIssues: number;
}

export const DEFAULT_LIMITS: Readonly<IntakeLimits> = Object.freeze({
  maxBytes: 2 * 1024 ** 3,
  maxSingleDocumentChars: 16 * 1024 ** 2,
  maxHeaderChars: 256 * 1024,
  maxDepth: 48,
  maxTextRun: 1024 ** 2,
  windowBytes: 128 * 1024,
  maxIssues: 25,
});
