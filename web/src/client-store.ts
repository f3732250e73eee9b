import { shallowRef } from 'vue';
import type { Client } from '@urql/vue';
import { createGraphQLClient, type GraphQLClients } from './urql';

let current: GraphQLClients | null = null;
let onUnauthenticated: () => void = () => undefined;

/** The urql client the app provides; replaced (fresh cache, fresh socket) at sign-in/out. */
export const clientRef = shallowRef<Client>(null as unknown as Client);

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function resetClient(): Client {
  void current?.ws.dispose();
  current = createGraphQLClient('/graphql', () => onUnauthenticated());
  clientRef.value = current.client;
  return current.client;
}
