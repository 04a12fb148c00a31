/** What the CLI touches of the outside world, injectable so tests run it in-process. */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  /** A file's exact bytes (packs: read strictly as UTF-8); without it, `readFile`'s text is used. */
  readBytes?(path: string): Promise<Uint8Array>;
  writeFile(path: string, content: string): Promise<void>;
  readStdin(): Promise<string>;
  /** A folder's entries (for folders and globs on the command line); without it, every argument is a file. */
  readDir?(path: string): Promise<{ name: string; dir: boolean }[]>;
  isDirectory?(path: string): Promise<boolean>;
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function nodeIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile: (p) => readFile(p, 'utf8'),
    readBytes: async (p) => new Uint8Array(await readFile(p)),
    writeFile: (p, c) => writeFile(p, c),
    readStdin: readAllStdin,
    readDir: async (p) => (await readdir(p, { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory() })),
    isDirectory: async (p) => {
      try {
        return (await stat(p)).isDirectory();
      } catch {
        return false;
      }
    },
  };
}
