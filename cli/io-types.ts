/** What a command may touch, injected so tests can run the CLI in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  readonly cwd: string;
}
