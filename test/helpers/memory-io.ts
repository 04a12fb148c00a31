/** The CLI's io over an in-memory folder: files in a record (written files land there too), output collected. */
import type { CliIo } from '../../lib/cli/io';

export function memoryIo(files: Record<string, string>, stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
    async readFile(p: string) {
      if (!(p in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return files[p]!;
    },
    async writeFile(p: string, c: string) {
      files[p] = c;
    },
    async readStdin() {
      return stdin;
    },
  };
  return io;
}
