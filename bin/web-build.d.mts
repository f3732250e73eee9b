export declare function webBuildIsStale(webDir: string): boolean;
export declare function ensureWebBuild(webDir: string): { built: boolean };
