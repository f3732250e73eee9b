// Moved to events/pubsub.ts; kept for sync/engine and the sync bench (being rewritten), which import it here.
export * from './events/pubsub.js';
