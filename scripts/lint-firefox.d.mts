/** Types of scripts/lint-firefox.mjs. */
export declare function isPreactInnerHtml(code: string, line: number, column: number): boolean;
export declare function lintFirefox(options?: { build?: boolean }): {
  problems: string[];
  accepted: string[];
  summary: { errors: number; warnings: number; notices: number };
};
