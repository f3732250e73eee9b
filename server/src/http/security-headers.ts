import helmet from 'helmet';

/**
 * Security headers for the dashboard and the API: a CSP that allows the dashboard's own
 * scripts, styles, images and fonts and its graphql-ws connection (same origin, ws: and
 * wss:), no framing (frame-ancestors 'none'), nosniff, and no referrer beyond the origin.
 */
export function securityHeaders(options: { https: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Vue applies inline style attributes at runtime (v-show, transitions).
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(options.https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: options.https ? { maxAge: 15552000 } : false,
    crossOriginEmbedderPolicy: false,
  });
}
