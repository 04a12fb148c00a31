/** Types of scripts/build-cli.mjs (plain JavaScript so it runs before anything is compiled). */
export declare const CLI_OUT: string;
export declare function buildCli(options?: { quiet?: boolean }): Promise<unknown>;
