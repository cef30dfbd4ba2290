import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * Runs a full garbage collection now, if the runtime lets us (the flag is set at run time, so the service needs no
 * command-line option). Why: reading a base delivery allocates megabyte-sized strings (validation pieces, batch
 * statements) that V8 puts in its large-object space and frees only at a full collection, which on a machine with
 * much memory comes late; the process then holds hundreds of MB of garbage. Collecting every few tens of MB read
 * keeps the peak flat for a few per cent of the time. Returns false when no collection could be run.
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
