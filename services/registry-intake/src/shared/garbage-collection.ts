import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * Runs a full garbage collection now, if the runtime lets us (the flag is set at run time, so the service needs no
 * command-line option). Returns false when no collection could be run.
 */
export function collectGarbage(): boolean {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
  return Boolean(collect);
}

/**
 * Keeps the heap of a long run (a base delivery) within `headroomBytes` of what was live at its last collection.
 * Why: records, outcomes and statements of a base delivery live just long enough to be promoted to V8's old
 * generation, which on a machine with much memory is collected late; the process would hold hundreds of MB of
 * garbage. Collecting when the heap has grown by the headroom (rather than every so many bytes read) costs a
 * collection per few ten thousand persons instead of one per few thousand.
 */
export class HeapPacer {
  private limit: number;

  constructor(private readonly headroomBytes: number) {
    this.limit = usedHeap() + headroomBytes;
  }

  /** Collects if the heap has outgrown the headroom since the last collection; cheap enough to call per record. */
  check(): void {
    if (this.headroomBytes <= 0 || usedHeap() < this.limit) return;
    collectGarbage();
    this.limit = usedHeap() + this.headroomBytes;
  }
}

/** V8's own figure: process.memoryUsage() reads /proc as well and costs forty times more. */
function usedHeap(): number {
  return v8.getHeapStatistics().used_heap_size;
}
