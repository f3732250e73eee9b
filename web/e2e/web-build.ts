export { ensureWebBuild, webBuildIsStale } from '../../bin/web-build.mjs';
