/** The partner roster queries both API benches send (variables: `d`, the district id). */
export const PARTNER_QUERIES = [
  {
    operationName: 'Schools',
    query: 'query Schools($d: ID!) { district(id: $d) { schools(first: 50) { totalCount edges { node { id sourceId name } } } } }',
  },
  {
    operationName: 'Sections',
    query:
      'query Sections($d: ID!) { district(id: $d) { sections(first: 20) { edges { node { id name period school { name } teachers { primary person { id givenName familyName email } } students { id givenName familyName } } } } } }',
  },
  {
    operationName: 'Students',
    query:
      'query Students($d: ID!) { district(id: $d) { people(first: 100, role: STUDENT) { edges { node { id sourceId givenName familyName email grade } } pageInfo { hasNextPage endCursor } } } }',
  },
];
