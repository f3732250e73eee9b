import { Client, cacheExchange, fetchExchange } from '@urql/vue';

/**
 * The dashboard's GraphQL client. POST, not GET: Apollo's CSRF prevention refuses
 * simple GET requests.
 */
export function createGraphQLClient(url = '/graphql'): Client {
  return new Client({ url, exchanges: [cacheExchange, fetchExchange], preferGetMethod: false });
}
