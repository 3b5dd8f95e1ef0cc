import { GRAPHQL_PATH } from '@referloop/common';
import { isGatewayPath } from './gateway-paths';

describe('the gateway’s own paths', () => {
  // The list is plain JSON (the web app's dev server reads it too), so it says '/graphql' itself.
  it('hold the API’s path as @referloop/common says it', () => {
    expect(isGatewayPath(GRAPHQL_PATH)).toBe(true);
  });
});
