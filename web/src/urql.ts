import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/vue';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

export interface GraphQLClients {
  client: Client;
  ws: WsClient;
}

function websocketUrl(path: string): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${path}`;
}

/**
 * The dashboard's GraphQL client. Queries and mutations go over POST (Apollo's CSRF
 * prevention refuses simple GETs); subscriptions over graphql-ws on the same path, where
 * the session cookie authenticates connection_init. A fresh client is made at sign-in and
 * sign-out so no cache or socket outlives a session.
 */
export function createGraphQLClient(url = '/graphql', onUnauthenticated?: () => void): GraphQLClients {
  const ws = createWsClient({ url: websocketUrl(url), lazy: true, retryAttempts: 20, shouldRetry: () => true });
  const client = new Client({
    url,
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    requestPolicy: 'cache-and-network',
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated?.();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, ws };
}
