/** Where the publisher gets its bearer token: MSAL in the add-in, a fixed token for the local library. */
export interface TokenProvider {
  /** A token for the library; may come from a cache. */
  getToken(): Promise<string>;
  /** The library refused the last token (401): the next getToken must not return it from the cache. */
  invalidate(): void;
}

/**
 * The local library's token (`tjansteplan library --token T`): nothing to refresh, so a 401 after the one
 * re-send is final.
 */
export function staticTokenProvider(token: string): TokenProvider {
  return { getToken: async () => token, invalidate: () => undefined };
}
