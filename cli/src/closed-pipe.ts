/**
 * `mercato get offerings -o json | head -1`: the reader may close the pipe before everything is
 * written. A shell's own commands die quietly of SIGPIPE then; Node ignores that signal and
 * reports EPIPE as an error event on the stream, which unhandled is a crash with a stack trace.
 * Nobody is left to read the rest: stop quietly, with the exit code the command has so far.
 */
export function exitQuietlyWhenReaderCloses(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
}
