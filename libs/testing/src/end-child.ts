import type { ChildProcess } from 'node:child_process';

/**
 * Asks a child process to end (`ask`: a signal, an IPC message), waits for its exit, and kills it hard if it
 * has not gone within `timeoutMs`. Nothing happens for a child that never started or already exited.
 */
export async function endChild(
  child: ChildProcess | undefined,
  ask: (child: ChildProcess) => void,
  timeoutMs = 15_000,
): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  ask(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}
