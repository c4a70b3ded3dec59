package io.wasm08.wasm.querier;

import java.util.List;
import java.util.Objects;

/**
 * ibc-go's {@code QueryPlugins{Custom, Stargate}}: how contract queries to the chain are answered.
 * The defaults reject custom queries and accept-list Stargate queries ({@code
 * NewDefaultQueryPlugins}); {@link #merge} replaces only the plugins given ({@code
 * WithQueryPlugins}).
 */
public record QueryPlugins(CustomQuerier custom, StargateQuerier stargate) {
  public QueryPlugins {
    Objects.requireNonNull(custom, "custom");
    Objects.requireNonNull(stargate, "stargate");
  }

  /** {@code NewDefaultQueryPlugins(router)}: reject custom, accept-list Stargate. */
  public static QueryPlugins defaults(QueryRouter router) {
    return new QueryPlugins(CustomQuerier.REJECT, new AcceptListStargateQuerier(List.of(), router));
  }

  /** {@code Merge}: the non-null plugins of {@code other} replace these. */
  public QueryPlugins merge(CustomQuerier otherCustom, StargateQuerier otherStargate) {
    return new QueryPlugins(
        otherCustom != null ? otherCustom : custom,
        otherStargate != null ? otherStargate : stargate);
  }
}
